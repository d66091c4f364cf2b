"""A writer process for the concurrency tests: `python -m tests.reliability.worker create|increment URL N`.
Prints one JSON line: what it did, what was refused and why."""

from __future__ import annotations

import json
import os
import sys

from carthane_tcfd.domain.errors import ConflictError, UserError
from carthane_tcfd.domain.records import ItemDraft
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.services.register import open_register


def main(action: str, url: str, count: int) -> dict[str, object]:
    register = open_register(url, user=f"writer-{os.getpid()}")
    done, refused, conflicts = 0, [], []
    try:
        for n in range(count):
            try:
                if action == "create":
                    register.items.create(2024, ItemDraft(Category.MARKETS, f"{os.getpid()}-{n}"))
                    done += 1
                else:
                    while True:  # a read-modify-write, retried on a conflict as a user would after reloading
                        item = next(i for i in register.items.in_period(2024) if i.code == "OP-01")
                        draft = item.to_draft()
                        draft.sites = str(int(item.sites) + 1)
                        try:
                            register.items.update(item.id, draft, item.version)
                            done += 1
                            break
                        except ConflictError as exc:
                            conflicts.append(exc.en)
            except UserError as exc:
                refused.append(exc.en)
    finally:
        register.close()
    return {"done": done, "refused": refused, "conflicts": conflicts}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
