"""Write the smrtplayer(1) man page from the command line's own argparse definitions.

The page cannot drift from ``smrtplayer --help``: every option and command, with its help text, is
read from ``smrtplayer.__main__.build_parser()``. Run ``python tools/manpage.py OUT.1`` (with src/ on
the path); tools/build_deb.py installs the result as /usr/share/man/man1/smrtplayer.1.gz.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from smrtplayer import __version__  # noqa: E402
from smrtplayer.__main__ import build_parser  # noqa: E402


def roff(text: str) -> str:
    """Escape text for roff: backslashes, hyphens (so they print as ASCII minus) and leading dots."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in escaped.splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def _option_label(action: argparse.Action) -> str:
    label = ", ".join(f"\\fB{roff(option)}\\fR" for option in action.option_strings)
    if action.nargs != 0 and action.metavar is not None:
        label += f" \\fI{roff(str(action.metavar))}\\fR"
    elif action.nargs != 0 and action.option_strings:
        label += f" \\fI{roff(action.dest.upper())}\\fR"
    elif not action.option_strings:
        label = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
    return label


def _options(parser: argparse.ArgumentParser) -> list[str]:
    lines: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        lines += [".TP", _option_label(action), roff(action.help or "")]
    return lines


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = parser.format_usage().removeprefix("usage: ").strip()
    return roff(" ".join(usage.split()))


def manpage(parser: argparse.ArgumentParser | None = None, date: datetime | None = None) -> str:
    parser = parser or build_parser()
    when = (date or datetime.now(UTC)).strftime("%Y-%m-%d")
    lines = [
        f'.TH SMRTPLAYER 1 "{when}" "smrtplayer {__version__}" "User Commands"',
        ".SH NAME",
        f"smrtplayer \\- {roff(parser.description or '')}",
        ".SH SYNOPSIS",
        f".B {_usage(parser)}",
        ".br",
        ".B smrtplayer",
        "[\\fIPATH\\fR]",
        ".SH DESCRIPTION",
        roff(parser.epilog or ""),
        "Given a course folder, a course .zip or a video file as \\fIPATH\\fR (as a file manager's"
        " \\(lqOpen with\\(rq passes it), the window opens it; a second start hands it to the window"
        " already open.",
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
    ]
    for name, summary, sub in _subcommands(parser):
        lines += [f".SS {roff(name)}", roff(summary), ".PP", f".B {_usage(sub)}"]
        if sub.description and sub.description != summary:
            lines += [".PP", roff(sub.description)]
        lines += _options(sub)
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBSMRTPLAYER_DATA_DIR\\fR",
        "Keep everything in this folder, like \\fB\\-\\-data\\-dir\\fR.",
        ".SH FILES",
        "Without \\fB\\-\\-data\\-dir\\fR, the database and the library are in"
        " \\fI~/.local/share/smrtplayer\\fR, settings in \\fI~/.config/smrtplayer\\fR and logs in"
        " \\fI~/.local/state/smrtplayer/log\\fR. Removing the package leaves them in place.",
        ".SH SEE ALSO",
        "Help \\(-> About in the window lists the bundled components and their licences.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the smrtplayer(1) man page.")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.write_text(manpage(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
