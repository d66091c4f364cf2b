"""Entry point: a headless command when one is given, else the desktop application."""

from __future__ import annotations

import sys

from carthane_tcfd.arguments import build_parser, desktop_arguments


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = desktop_arguments(argv) or build_parser().parse_args(argv)
    if args.command is not None:
        from carthane_tcfd.cli import run

        return run(args)
    import gc

    # Start-up makes objects, not garbage: the collector is held off until the first page is on screen
    # (ui.launch.run_gui turns it back on; README "Performance").
    gc.disable()
    from carthane_tcfd.ui.launch import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
