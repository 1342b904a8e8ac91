"""Campaign styles: one module per way an operator harvests the model."""
