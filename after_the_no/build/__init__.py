"""The build: stage the site (markers, size cache, staged config), then finish it (repairs, headers, checks)."""
