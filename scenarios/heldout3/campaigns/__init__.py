"""Campaign styles of the held-back split, one module each."""
