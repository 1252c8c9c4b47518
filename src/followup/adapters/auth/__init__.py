"""Signing in: password hashing."""
