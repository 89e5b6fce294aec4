"""Notes panel and the search dialog."""
