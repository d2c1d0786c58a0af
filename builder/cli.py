"""`brief`: the command line over the common jobs.

Problems with input are printed one line each, naming the file, and the command carries on
with every other file; the exit status (1) says at the end whether anything failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from builder import __version__, progress
from builder.errors import BriefError, BuilderBug, terminal_safe
from builder.settings import Settings

log = logging.getLogger("brief")


class _Lines(logging.Formatter):
    """`error: file: problem`, one line; with --debug a bug's traceback follows it."""

    def __init__(self, debug: bool) -> None:
        super().__init__()
        self.debug = debug

    def format(self, record: logging.LogRecord) -> str:
        line = f"{record.levelname.lower()}: {terminal_safe(record.getMessage())}"
        trace = getattr(record, "trace", "")
        return f"{line}\n{trace.rstrip()}" if self.debug and trace else line


def _setup_logging(debug: bool) -> logging.Handler:
    """Messages go through `logging`, as MkDocs' do, so they can be counted and grouped."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Lines(debug))
    log.handlers[:] = [handler]
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    log.propagate = False
    return handler


def _report(result_problems: Sequence[BriefError]) -> None:
    for problem in result_problems:
        log.error(str(problem), extra={"trace": getattr(problem, "trace", "")})


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from builder.pipeline import extract_to_dir

    result = extract_to_dir([Path(s) for s in args.sources], Path(args.out), settings)
    _report(result.problems)
    for note in result.notes:
        print(f"note: {note}")
    print(result.summary())
    return 1 if result.problems else 0


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    """Extract, then build the site; with nothing changed since the last strict build, stop
    before importing MkDocs (`--force` builds anyway, and in full)."""
    from builder.fingerprint import BuildStamp, build_date
    from builder.search import default_mode

    stamp = BuildStamp(settings.root, settings.site_dir, build_date().isoformat())
    if not args.force and stamp.current():
        print(f"nothing changed since the last build; {settings.site_dir} is up to date")
        _catch_up_search(settings, args.search or default_mode())
        return 0
    stamp.begin()
    from builder.lock import build_lock
    from builder.mkdocs_plugin import build_site
    from builder.pipeline import extract_to_data

    # one lock for data and site: a second build stops; progress only on a terminal
    with build_lock(settings.data_dir), progress.shown():
        stamp.clear()
        result = extract_to_data(settings)
        _report(result.problems)
        print(result.summary())
        strict = not args.no_strict
        ok = build_site(
            settings,
            strict=strict,
            incremental=not args.force,
            printed=result.problems,
            search=args.search,
        )
        if ok and strict and not result.problems:
            stamp.commit()
    return 0 if ok and not result.problems else 1


def _catch_up_search(settings: Settings, mode: str) -> None:
    """A background index run that was stopped (the machine slept, a process was killed) or
    failed left the search behind the pages: run it again, or now with `--search wait`."""
    from builder.search import Indexer

    search = Indexer(settings.cache_dir, settings.site_dir)
    if not search.behind():
        return
    said = search.last_problem()
    with search.lock():
        if mode == "wait":
            search.index_now()
        else:
            search.start()
    print(
        "the search index was behind the pages"
        + (f" (the last run said: {said})" if said else "")
        + ("; indexed again" if mode == "wait" else "; indexing again in the background")
    )


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from builder.mkdocs_plugin import serve_site

    if args.poll:  # read by the plugin, in this process, when the server starts
        os.environ["BRIEF_WATCH"] = "poll"

    return 0 if serve_site(settings, args.dev_addr) else 1


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    from builder.mkdocs_plugin import publish_site

    return 0 if publish_site(settings, remote_branch=args.branch) else 1


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    from builder.write import Writer, write_schemas

    writer = Writer(Path(args.out) if args.out else settings.data_dir)
    write_schemas(writer)
    for path in writer.written + writer.unchanged:
        print(path)
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate data/ and overrides without building, for a quick look after a hand edit."""
    from builder.store import data_cache, load_brief, load_groups, load_tables

    brief = load_brief(settings.data_dir, data_cache(settings))  # the files a build loaded
    problems = [*load_tables(settings).problems, *brief.problems]
    problems += load_groups(settings, brief.markets)[1]
    _report(problems)
    summary = {
        "markets": len(brief.markets),
        "companies": len(brief.companies),
        "overrides_applied": sorted(brief.applied_overrides),
        "problems": len(problems),
    }
    print(json.dumps(summary))
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="brief",
        description="Turn market-research reports into a published market brief.",
    )
    top.add_argument("--version", action="version", version=f"brief {__version__}")
    top.add_argument("--root", default=".", help="project folder (default: current folder)")
    top.add_argument(
        "--debug", action="store_true", help="show the traceback of a bug in the builder"
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract reports into YAML data files")
    p.add_argument("sources", nargs="+", metavar="SRC", help="report files or folders of them")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for markets/ and companies/")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("build", help="extract content/reports into data/, then build site/")
    p.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    p.add_argument(
        "--force", action="store_true", help="rebuild every page, even with nothing changed"
    )
    p.add_argument(
        "--search",
        choices=("background", "wait"),
        default=None,
        help="index search before the command ends (wait), or keep the last index and index "
        "again in the background (default on your machine; BRIEF_SEARCH sets it, CI waits)",
    )
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", help="preview the site, rebuilding on every change")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    p.add_argument(
        "--poll",
        action="store_true",
        help="look for changes twice a second instead of being told by the system (for a "
        "folder shared into a container or a virtual machine; BRIEF_WATCH=poll sets it)",
    )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("publish", help="build and push the site to the gh-pages branch")
    p.add_argument("--branch", default="gh-pages", help="branch to publish to")
    p.set_defaults(run=cmd_publish)

    p = sub.add_parser("schema", help="write the JSON Schemas of the data files")
    p.add_argument("--out", metavar="DIR", help="folder (default: data/); files go in schema/")
    p.set_defaults(run=cmd_schema)

    p = sub.add_parser("check", help="validate data/ and the overrides without building")
    p.set_defaults(run=cmd_check)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _setup_logging(args.debug)
    settings = Settings.at(args.root)
    try:
        return int(args.run(args, settings))
    except BriefError as exc:
        _report([exc])
        return 1
    except OSError as exc:  # the disk or a folder, not a report: still one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        log.error(f"{where}{exc.strerror or exc}")
        return 1
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: said to be one, with its message and place
        _report([BuilderBug.from_exception(f"brief {args.command}", exc)])
        return 2


if __name__ == "__main__":
    sys.exit(main())
