"""Resource classes, one module per tag; the client imports each on first use."""
