// Enhances worksheet forms.
