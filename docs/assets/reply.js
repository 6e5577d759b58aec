// Enhances reply examples.
