# %% [markdown]
# # 交互式笔记本：动手试一试
#
# 这个笔记本直接导入本手册的 `activations` 包：网页上的公式、图像和代码都出自同一个包。
# 点击页面右上角的下载按钮，可以把笔记本下载到本地，用 Jupyter 打开后修改、运行。
# 本地运行前先在仓库根目录执行 `make setup`（或 `pip install -e .`）。

# %%
import numpy as np

import activations

print(activations.names())

# %% [markdown]
# ## 查看一个函数的“档案”
#
# `activations.get(name)` 返回该函数的描述对象：正向计算、导数、LaTeX 公式、参数、性质、参考文献和框架名称都在里面。

# %%
spec = activations.get("elu")
print(spec.full_name.zh, "|", spec.latex)
for p in spec.parameters:
    print(p.name, "默认值 =", p.default, "|", p.meaning.zh)
print("值域：", spec.properties.range, "  单调：", spec.properties.monotonic)

# %% [markdown]
# ## 计算函数值与导数
#
# 所有函数都逐元素作用在 NumPy 数组上，并保持输入的浮点类型（float16/32/64）。

# %%
x = np.linspace(-3, 3, 7)
for name in activations.names():
    if activations.get(name).elementwise:
        spec = activations.get(name)
        print(f"{name:>10}", np.round(spec.forward(x), 4))
        print(f"{name + chr(39):>10}", np.round(spec.derivative(x), 4))

# %% [markdown]
# ## 教科书公式在哪里失效
#
# 直接按 $\sigma(x) = 1/(1+e^{-x})$ 计算，当 $x = -710$ 时 $e^{-x}$ 上溢为无穷大；
# 用 $\sigma(1-\sigma)$ 算导数，当 $x \ge 37$ 时 $1-\sigma$ 被舍入成 0。本包的实现避开了这两个问题：

# %%
x = np.array([-710.0, 40.0])
with np.errstate(all="ignore"):
    naive = 1 / (1 + np.exp(-x))
    naive_grad = naive * (1 - naive)
print("教科书公式：", naive, naive_grad)
print("本包：      ", activations.sigmoid(x), activations.sigmoid_derivative(x))

# %% [markdown]
# ## Softmax 与温度
#
# 把对数几率除以温度 $T$ 再做 Softmax：$T$ 越小，分布越集中；$T$ 越大，分布越平坦。

# %%
logits = np.array([2.0, 1.0, 0.5, 0.0, -1.0])
for T in (0.25, 1.0, 4.0):
    print(f"T = {T:<5}", np.round(activations.softmax(logits / T), 3))

# %% [markdown]
# ## 自己动手
#
# 试着改变下面的参数，观察 LeakyReLU 的导数如何随 `negative_slope` 变化；
# 也可以画图（需要 matplotlib）。

# %%
import matplotlib.pyplot as plt

x = np.linspace(-4, 4, 401)
fig, ax = plt.subplots(figsize=(6, 3))
for slope in (0.01, 0.1, 0.3):
    ax.plot(x, activations.leaky_relu(x, negative_slope=slope), label=f"negative_slope = {slope}")
ax.legend()
ax.grid(True)
plt.show()
