"""Knowledge base: Vietnamese text, documents, Q&A entries and search (platform-free)."""
