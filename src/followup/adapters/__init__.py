"""Adapters to the world outside: databases, holidays, files."""
