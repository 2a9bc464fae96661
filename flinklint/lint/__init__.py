"""Run: from paths on the command line to one result per file.

``walk`` finds the files below the given paths, ``file`` loads and checks one file, ``pool``
spreads many files over worker processes.
"""
