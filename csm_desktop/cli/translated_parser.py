"""An argparse parser whose own words ("usage:", "options", "error:") are translated.

argparse takes those words from gettext, which the app does not ship. This
parser supplies them through Qt's translators instead, in the ``Cli``
context shared with the command help texts. Sub-parsers made with
``add_subparsers().add_parser`` inherit the class, so every command's help
is covered.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_USAGE


class TranslatedHelpFormatter(argparse.HelpFormatter):
    """Help formatter with a translated "usage:" prefix."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001 - argparse's signature
        """Add the usage line, prefixed by the translated word for "usage"."""
        if prefix is None:
            prefix = QCoreApplication.translate("Cli", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


class TranslatedArgumentParser(argparse.ArgumentParser):
    """ArgumentParser with translated section titles, help option and error prefix."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", TranslatedHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        # argparse keeps these two default groups in private attributes and
        # offers no public way to rename them.
        self._positionals.title = QCoreApplication.translate("Cli", "positional arguments")
        self._optionals.title = QCoreApplication.translate("Cli", "options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=QCoreApplication.translate("Cli", "show this help message and exit"),
            )

    def error(self, message: str) -> NoReturn:
        """Print the usage and a translated error line, then exit with code 2."""
        # TODO: argparse's own messages (such as "invalid choice") stay in English.
        self.print_usage(sys.stderr)
        text = QCoreApplication.translate("Cli", "{prog}: error: {message}").format(
            prog=self.prog, message=message
        )
        self.exit(EXIT_USAGE, text + "\n")
