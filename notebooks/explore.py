# ---
# jupyter:
#   jupytext:
#     formats: py:percent
# ---

# %% [markdown] lang="zh"
# # <a id="notebook"></a>交互式笔记本：动手试一试
#
# 这个笔记本直接导入本手册的
# `activations` 包：网页上的公式、图像和代码都出自同一个包。点击页面右上角的下载按钮，可以把笔记本下载到本地，用
# Jupyter 打开后修改、运行。本地运行前先在仓库根目录执行 `make setup`（或 `pip install -e .`）。

# %% [markdown] lang="en"
# # <a id="notebook"></a>Interactive notebook: try it yourself
#
# This notebook imports the handbook's own `activations` package: the formulas, plots and code
# on the site all come from it. Use the download button at the top right of the page to get the
# notebook, then open it in Jupyter to change and run it. To run it locally, first run
# `make setup` (or `pip install -e .`) at the repository root.

# %%
import numpy as np

import activations

print(activations.names())

# %% [markdown] lang="zh"
# ## <a id="record"></a>查看一个函数的“档案”
#
# `activations.get(name)` 返回该函数的描述对象：前向计算、导数、LaTeX 公式、参数、性质、参考文献和框架名称都在里面。

# %% [markdown] lang="en"
# ## <a id="record"></a>A function's record
#
# `activations.get(name)` returns the function's spec: forward, derivative, LaTeX, parameters,
# properties, references and framework names.

# %%
spec = activations.get("elu")
print(spec.full_name.zh, "/", spec.full_name.en, "|", spec.latex)
for p in spec.parameters:
    print(p.name, "=", p.default, "|", p.meaning.zh, "/", p.meaning.en)
print("range:", spec.properties.range, "| monotonic:", spec.properties.monotonic)

# %% [markdown] lang="zh"
# ## <a id="values"></a>计算函数值与导数
#
# 所有函数都逐元素作用在 NumPy 数组上，并保持输入的浮点类型（float16/32/64）。

# %% [markdown] lang="en"
# ## <a id="values"></a>Values and derivatives
#
# Every function works element-wise on NumPy arrays and keeps the input's floating type
# (float16/32/64).

# %%
x = np.linspace(-3, 3, 7)
for spec in activations.specs():
    if spec.elementwise:
        print(f"{spec.name:>10}  f ", np.round(spec.forward(x), 4))
        print(f"{spec.name:>10}  f'", np.round(spec.derivative(x), 4))

# %% [markdown] lang="zh"
# ## <a id="textbook"></a>教科书公式在哪里失效
#
# 直接按 $\sigma(x) = 1/(1+e^{-x})$ 计算，当 $x = -710$ 时 $e^{-x}$ 上溢为无穷大，结果被算成 0；用
# $\sigma(1-\sigma)$ 算导数，当 $x \ge 37$ 时 $1-\sigma$ 被舍入成 0。本包的实现避开了这两个问题：

# %% [markdown] lang="en"
# ## <a id="textbook"></a>Where the textbook formula fails
#
# Computed as $\sigma(x) = 1/(1+e^{-x})$, the sigmoid overflows at $x = -710$, where $e^{-x}$ is
# infinite and the result comes out as 0; computed as $\sigma(1-\sigma)$, its derivative is 0 for
# $x \ge 37$, where $1-\sigma$ rounds to 0. The package avoids both:

# %%
x = np.array([-710.0, 40.0])
with np.errstate(all="ignore"):
    textbook = 1 / (1 + np.exp(-x))
    textbook_grad = textbook * (1 - textbook)
print("textbook:    ", textbook, textbook_grad)
print("activations: ", activations.sigmoid(x), activations.sigmoid_derivative(x))

# %% [markdown] lang="zh"
# ## <a id="temperature"></a>Softmax 与温度
#
# 把对数几率除以温度 $T$ 再做 Softmax：$T$ 越小，分布越集中；$T$ 越大，分布越平坦。

# %% [markdown] lang="en"
# ## <a id="temperature"></a>Softmax and temperature
#
# Dividing the logits by a temperature $T$ before the softmax: a small $T$ sharpens the
# distribution, a large $T$ flattens it.

# %%
logits = np.array([2.0, 1.0, 0.5, 0.0, -1.0])
for T in (0.25, 1.0, 4.0):
    print(f"T = {T:<5}", np.round(activations.softmax(logits / T), 3))

# %% [markdown] lang="zh"
# ## <a id="sparse"></a>稀疏的分布：Softmax、1.5-entmax 与 Sparsemax
#
# 同一组对数几率，Softmax 给每一项正的概率；1.5-entmax 和 Sparsemax 让低于阈值的项恰好为 0，
# Sparsemax 截掉的最多。

# %% [markdown] lang="en"
# ## <a id="sparse"></a>Sparse distributions: softmax, 1.5-entmax and sparsemax
#
# For the same logits, softmax gives every entry a positive probability; 1.5-entmax and sparsemax
# give exactly 0 to the entries below a threshold, sparsemax to the most of them.

# %%
logits = np.array([1.0, 0.7, 0.4, 0.0, -1.0])
for name in ("softmax", "entmax15", "sparsemax"):
    p = activations.get(name).forward(logits)
    print(f"{name:>9}", np.round(p, 3), " zeros:", int(np.sum(p == 0)))

# %% [markdown] lang="zh"
# ## <a id="swiglu"></a>SwiGLU 前馈层
#
# 大语言模型的前馈层：一次线性变换得到两半
# $[\mathbf{a}, \mathbf{b}]$，输出
# $\operatorname{SiLU}(\mathbf{a}) \otimes \mathbf{b}$，再投影回原来的宽度。反向传播用
# `swiglu_vjp`，不必构造雅可比矩阵。

# %% [markdown] lang="en"
# ## <a id="swiglu"></a>A SwiGLU feed-forward block
#
# The feed-forward block of a large language model: one linear map gives the halves
# $[\mathbf{a}, \mathbf{b}]$, the unit returns $\operatorname{SiLU}(\mathbf{a}) \otimes \mathbf{b}$, and a
# second map projects back. Backpropagation uses `swiglu_vjp`, without forming the Jacobian.

# %%
rng = np.random.default_rng(0)
d, d_ff = 8, 16
W_in = rng.normal(size=(d, 2 * d_ff)) / np.sqrt(d)  # the two projections side by side
W_out = rng.normal(size=(d_ff, d)) / np.sqrt(d_ff)
tokens = rng.normal(size=(4, d))
hidden = tokens @ W_in
y = activations.swiglu(hidden) @ W_out
grad_hidden = activations.swiglu_vjp(hidden, np.ones_like(y) @ W_out.T)
print(y.shape, grad_hidden.shape)

# %% [markdown] lang="zh"
# ## <a id="your-turn"></a>自己动手
#
# 试着改变下面的斜率，观察 LeakyReLU 如何随 `negative_slope` 变化（画图需要 matplotlib）。

# %% [markdown] lang="en"
# ## <a id="your-turn"></a>Your turn
#
# Change the slopes below and watch LeakyReLU change with `negative_slope` (plotting needs
# matplotlib).

# %%
import matplotlib.pyplot as plt

x = np.linspace(-4, 4, 401)
fig, ax = plt.subplots(figsize=(6, 3))
for slope in (0.01, 0.1, 0.3):
    ax.plot(x, activations.leaky_relu(x, negative_slope=slope), label=f"negative_slope = {slope}")
ax.legend()
ax.grid(True)
plt.show()
