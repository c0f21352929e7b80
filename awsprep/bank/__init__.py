"""Card and question models, YAML load/validate/save."""
