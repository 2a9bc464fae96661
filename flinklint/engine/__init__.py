"""Check: the machinery that runs rules on a loaded configuration.

``rule`` holds the contract every rule follows (:class:`~flinklint.engine.rule.Rule`, ``Hit``,
``Context``); ``run`` selects rules, applies severity overrides and inline suppressions, and
turns hits into findings. Nothing here imports a rule: the rules are handed in.
"""
