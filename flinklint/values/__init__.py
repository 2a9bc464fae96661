"""How Flink reads one value, Java-exact and pure.

``javanum`` and ``javafmt`` emulate Java's number parsing and printing (``Double.parseDouble``,
``Double.toString``, ``HashMap`` order), ``units`` is Flink's ``MemorySize``, ``durations`` its
``TimeUtils`` durations, and ``convert`` says why Flink refuses a value for its option's type.
This package imports nothing else from flinklint but the vocabulary at the bottom.
"""
