"""The domain: entities, the business-day calendar, policies, the planner and its guards.

Pure Python: imports the standard library only, does no I/O and never reads the clock.
"""
