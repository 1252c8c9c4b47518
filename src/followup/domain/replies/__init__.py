"""Reading replies from the hiring side: what the sender wrote this time, and what it says."""
