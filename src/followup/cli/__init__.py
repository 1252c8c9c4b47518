"""The command line: parse, call one use case, format. Errors are translated in `main`."""
