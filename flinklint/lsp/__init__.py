"""The language server behind ``flinklint server`` (needs the ``lsp`` extra: pygls, lsprotocol).

``positions``, ``analysis``, ``hover`` and ``completion`` are pure and import no LSP library;
``diagnostics``, ``actions`` and ``server`` speak the protocol. Nothing here is imported by the
command line unless ``flinklint server`` runs.
"""
