"""Use cases over the storage interface: record, import, plan, remind."""
