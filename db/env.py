"""Alembic environment. The application passes its own connection in `config.attributes`;
run by hand, `alembic -c db/alembic.ini -x url=sqlite:///file.db upgrade head` works too."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from carthane_tcfd.store.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
