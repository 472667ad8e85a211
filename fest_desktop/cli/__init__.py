"""The command line: the core's operations without a window, one module per command group."""
