"""Every `brief build` a test starts indexes search before it ends (`--search wait`), as in
CI, so what a test reads after it is the whole site; tests/test_search_background.py starts
its builds with the background run on purpose."""

import os

os.environ.setdefault("BRIEF_SEARCH", "wait")
