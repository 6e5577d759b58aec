"""Reply example pages, generated from replies/*.yml."""
