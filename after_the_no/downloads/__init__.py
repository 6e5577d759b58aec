"""Every download: the plan of each file's path and label, the renderers and rendering them.

plan.py and render.py are light; the renderers (pdf, pdf_tags, print_pack) load reportlab,
and only the render jobs import them, in the worker processes.
"""
