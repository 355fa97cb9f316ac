# %% [markdown]
# # Interactive notebook: try it yourself
#
# This notebook imports the handbook's own `activations` package: the formulas, plots and code
# on the site all come from it. Use the download button at the top right of the page to get the
# notebook, then open it in Jupyter to change and run it. To run it locally, first run
# `make setup` (or `pip install -e .`) at the repository root.

# %%
import numpy as np

import activations

print(activations.names())

# %% [markdown]
# ## A function's record
#
# `activations.get(name)` returns the function's spec: forward, derivative, LaTeX, parameters,
# properties, references and framework names.

# %%
spec = activations.get("elu")
print(spec.full_name.en, "|", spec.latex)
for p in spec.parameters:
    print(p.name, "default =", p.default, "|", p.meaning.en)
print("range:", spec.properties.range, "  monotonic:", spec.properties.monotonic)

# %% [markdown]
# ## Values and derivatives
#
# Every function works element-wise on NumPy arrays and keeps the input's floating type
# (float16/32/64).

# %%
x = np.linspace(-3, 3, 7)
for name in activations.names():
    if activations.get(name).elementwise:
        spec = activations.get(name)
        print(f"{name:>10}", np.round(spec.forward(x), 4))
        print(f"{name + chr(39):>10}", np.round(spec.derivative(x), 4))

# %% [markdown]
# ## Where the textbook formula fails
#
# Computed as $\sigma(x) = 1/(1+e^{-x})$, the sigmoid overflows at $x = -710$ where $e^{-x}$ is
# infinite; computed as $\sigma(1-\sigma)$, its derivative is 0 for $x \ge 37$ where $1-\sigma$
# rounds to 0. The package avoids both:

# %%
x = np.array([-710.0, 40.0])
with np.errstate(all="ignore"):
    naive = 1 / (1 + np.exp(-x))
    naive_grad = naive * (1 - naive)
print("textbook:    ", naive, naive_grad)
print("this package:", activations.sigmoid(x), activations.sigmoid_derivative(x))

# %% [markdown]
# ## Softmax and temperature
#
# Dividing the logits by a temperature $T$ before the softmax: a small $T$ sharpens the
# distribution, a large $T$ flattens it.

# %%
logits = np.array([2.0, 1.0, 0.5, 0.0, -1.0])
for T in (0.25, 1.0, 4.0):
    print(f"T = {T:<5}", np.round(activations.softmax(logits / T), 3))

# %% [markdown]
# ## Your turn
#
# Change the slopes below and watch LeakyReLU change; plotting needs matplotlib.

# %%
import matplotlib.pyplot as plt

x = np.linspace(-4, 4, 401)
fig, ax = plt.subplots(figsize=(6, 3))
for slope in (0.01, 0.1, 0.3):
    ax.plot(x, activations.leaky_relu(x, negative_slope=slope), label=f"negative_slope = {slope}")
ax.legend()
ax.grid(True)
plt.show()
