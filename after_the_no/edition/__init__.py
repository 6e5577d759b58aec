"""A careers service's own edition: the installed guide, a project's settings and local pages,
and the `after-the-no` command (new, build, serve, check)."""
