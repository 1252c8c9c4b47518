"""Followup: a follow-up assistant for job interviews."""

__version__ = "0.1.0"
