"""Renderers: findings and figures for the terminal and as workbooks; blank workbooks;
the one vocabulary of terms and signs; files written whole or not at all."""
