"""Vietnamese text: normalisation shared by documents, questions and search."""
