"""Cross-cutting infrastructure shared by every domain; it never imports a domain."""
