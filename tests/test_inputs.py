"""What every function accepts, rejects and gives back: dtypes, shapes, bad input, bad parameters,
floating-point warnings. Parametrized over the registry."""

from __future__ import annotations

import datetime
import fractions
import inspect
import warnings
from contextlib import contextmanager

import numpy as np
import pytest
import reference as R

import activations

SPECS = activations.specs()
ELEMENTWISE = [s for s in SPECS if s.elementwise]
NORMALIZERS = [s for s in SPECS if s.kind == "normalizer"]  # the gated units: tests/test_gated.py
FLOATS = [np.float16, np.float32, np.float64]
IDS = lambda s: s.name  # noqa: E731


def _functions(spec):
    """(label, callable taking x and keyword parameters) for f, f' and the vjp if any.

    The vjp gets an upstream gradient of ones, of the output's shape (x's, or half of it along the
    axis for a gated unit) and x's float dtype.
    """
    out = [("forward", spec.forward), ("derivative", spec.derivative)]
    if spec.vjp is not None:
        def vjp(x, *args, **params):
            try:
                arr = np.asarray(x)
                dtype = arr.dtype if arr.dtype.kind == "f" else np.float64
            except (TypeError, ValueError):  # x is no array at all: vjp must reject x before g
                g = 1.0
            else:
                try:
                    shape = np.shape(spec.forward(x, *args, **params))
                except (TypeError, ValueError):  # a bad x or parameter: the vjp must reject it itself
                    shape = arr.shape
                g = np.ones(shape, dtype=dtype)
            return spec.vjp(x, g, *args, **params)

        out.append(("vjp", vjp))
    return out


@contextmanager
def strict_floating_point():
    """Every warning is an error, and so is every IEEE divide-by-zero, overflow and invalid
    operation, even one NumPy would only warn about.

    Underflow is left alone on purpose: numpy ignores it by default and it is the
    correct, correctly rounded result in every tail here (sigmoid(-800) = 0,
    exp(-800) = 0). ``np.errstate(all="raise")`` would turn it into an error in
    seven of the functions; that would test IEEE's inexact-tiny flag, not the package.
    """
    with warnings.catch_warnings(), np.errstate(divide="raise", over="raise", invalid="raise", under="ignore"):
        warnings.simplefilter("error")
        yield


def _grid(dtype) -> np.ndarray:
    """The accuracy grid, in ``dtype`` (float16 from the float32 grid), with NaN."""
    base = R.grid(np.float64 if dtype == np.float64 else np.float32)
    with np.errstate(over="ignore"):  # float32 values beyond float16's range become ±inf
        g = base.astype(dtype)
    return np.concatenate([g, np.array([np.nan, -np.nan], dtype=dtype)])


# --- no floating-point warnings, anywhere --------------------------------------

CASES = [(s, p) for s in ELEMENTWISE for p in R.param_cases(s)]


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize(("spec", "params"), CASES, ids=[f"{s.name}-{p}" for s, p in CASES])
def test_no_floating_point_warning_on_the_whole_grid(spec, params, dtype):
    x = _grid(dtype)
    with strict_floating_point():
        f = spec.forward(x, **params)
        d = spec.derivative(x, **params)
        scalars = [(spec.forward(v, **params), spec.derivative(v, **params)) for v in x[::97]]
    assert f.shape == d.shape == x.shape
    assert len(scalars) > 10


def _softmax_rows(dtype) -> list[np.ndarray]:
    g = _grid(dtype)
    rng = np.random.default_rng(3)
    shuffled = rng.permutation(g)
    n3 = shuffled.size // 3 * 3
    big = np.finfo(dtype).max
    special = [
        [np.inf, -np.inf], [np.inf, np.inf, 0], [-np.inf, -np.inf], [np.nan, 1], [np.nan, np.inf],
        [-np.inf, 0, 1], [big, -big], [big, big], [-big, -big, 0], [0.0, -0.0], [np.inf],
    ]
    return [g, shuffled, shuffled[:n3].reshape(-1, 3), shuffled[: g.size // 2 * 2].reshape(-1, 2),
            *[np.array(r, dtype=dtype) for r in special]]


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_softmax_no_floating_point_warning(spec, dtype):
    rng = np.random.default_rng(4)
    for x in _softmax_rows(dtype):
        g = rng.normal(size=x.shape).astype(dtype)
        with strict_floating_point():
            s = spec.forward(x)
            v = spec.vjp(x, g)
            jac = spec.derivative(x) if x.shape[-1] <= 3 else None
        assert s.shape == v.shape == x.shape
        if jac is not None:
            assert jac.shape == (*x.shape, x.shape[-1])


# --- dtypes -------------------------------------------------------------------

@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_float_dtypes_are_kept(spec, dtype):
    x = np.array([[-3.0, -0.5, 0.0, 2.0], [0.25, 1.0, 4.0, -1.0]], dtype=dtype)
    for label, fn in _functions(spec):
        out = fn(x)
        assert out.dtype == dtype, f"{spec.name} {label}: {dtype.__name__} in, {out.dtype} out"
    if spec.elementwise:
        for fn in (spec.forward, spec.derivative):
            out = fn(dtype(0.5))
            assert isinstance(out, np.generic) and out.dtype == dtype


OTHER_INPUTS = [
    pytest.param(1, id="int"), pytest.param(-2.5, id="float"), pytest.param(True, id="bool"),
    pytest.param([1, -2, 3], id="list-of-int"), pytest.param([[0.5, -1.0], [2.0, 3.0]], id="nested-list"),
    pytest.param((1.0, 2), id="tuple"), pytest.param(np.array([1, -2, 3], dtype=np.int8), id="int8"),
    pytest.param(np.array([7, 0, 200], dtype=np.uint8), id="uint8"),
    pytest.param(np.array([2**40, -5], dtype=np.int64), id="int64"),
    pytest.param(np.array([2**63 + 2**20], dtype=np.uint64), id="uint64"),
    pytest.param(np.array([True, False]), id="bool-array"), pytest.param(np.int32(-3), id="numpy-int"),
]
# softmax needs an axis: its 0-d input is an error, tested in test_softmax_input_errors
# (and a gated unit splits its last axis: only the inputs of even length there)
OTHER_CASES = [pytest.param(s, v.values[0], id=f"{s.name}-{v.id}") for s in SPECS for v in OTHER_INPUTS
               if s.elementwise or (np.ndim(v.values[0]) > 0
                                    and (s.kind != "gated" or np.shape(v.values[0])[-1] % 2 == 0))]


@pytest.mark.parametrize(("spec", "value"), OTHER_CASES)
def test_other_real_inputs_are_computed_in_float64(spec, value):
    as64 = np.asarray(value, dtype=np.float64)
    for label, fn in _functions(spec):
        out = fn(value)
        assert out.dtype == np.float64, f"{spec.name} {label}({value!r}) gave {out.dtype}"
        np.testing.assert_array_equal(out, fn(as64), err_msg=f"{spec.name} {label}({value!r})")


# --- rejected input --------------------------------------------------------------

BAD_INPUTS = [
    pytest.param(1 + 2j, id="complex"), pytest.param(np.array([1.0, 2j]), id="complex-array"),
    pytest.param(np.complex64(1), id="complex64"), pytest.param("1.5", id="str"), pytest.param(b"1.5", id="bytes"),
    pytest.param(np.array(["1.5", "2"]), id="str-array"), pytest.param(["a", 1], id="list-with-str"),
    pytest.param(np.array([1.0, None], dtype=object), id="object-array"), pytest.param(None, id="None"),
    pytest.param([1.0, None], id="list-with-None"),
    pytest.param(np.array([1.0, 2.0], dtype=object), id="object-floats"),
    pytest.param(np.array(["2024-01-01"], dtype="datetime64[D]"), id="datetime64"),
    pytest.param(np.array([1, 2], dtype="timedelta64[s]"), id="timedelta64"),
    pytest.param(datetime.datetime(2024, 1, 1), id="datetime"), pytest.param([[1.0, 2.0], [3.0]], id="ragged"),
    pytest.param({1.0: 2.0}, id="dict"), pytest.param(np.zeros(2, dtype=[("a", "f8")]), id="structured"),
]
if np.finfo(np.longdouble).nmant > np.finfo(np.float64).nmant:  # a platform whose long double is wider
    BAD_INPUTS.append(pytest.param(np.ones(2, dtype=np.longdouble), id="longdouble"))


@pytest.mark.parametrize("value", BAD_INPUTS)
@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_non_real_input_raises_type_error(spec, value):
    for label, fn in _functions(spec):
        with pytest.raises(TypeError, match=r"\bx\b") as info:
            fn(value)
        assert len(str(info.value)) > 20, f"{spec.name} {label}: unclear message {info.value!r}"


@pytest.mark.parametrize("value", BAD_INPUTS)
@pytest.mark.parametrize("spec", [s for s in SPECS if s.vjp is not None], ids=IDS)
def test_non_real_upstream_gradient_raises_type_error(spec, value):
    with pytest.raises(TypeError, match=r"\bg\b"):
        spec.vjp(np.zeros(2), value)


# --- parameters -------------------------------------------------------------------

PARAMETERS = [(s, p) for s in ELEMENTWISE for p in s.parameters]
PARAM_IDS = [f"{s.name}-{p.name}" for s, p in PARAMETERS]
#: A numeric parameter (alpha, beta) and a string one that names a variant (GELU's approximate).
NUMERIC = [(s, p) for s, p in PARAMETERS if not isinstance(p.default, str)]
NUMERIC_IDS = [f"{s.name}-{p.name}" for s, p in NUMERIC]
STRING = [(s, p) for s, p in PARAMETERS if isinstance(p.default, str)]
STRING_IDS = [f"{s.name}-{p.name}" for s, p in STRING]


@pytest.mark.parametrize("value", [np.inf, -np.inf, np.nan, np.float32(np.nan)])
@pytest.mark.parametrize(("spec", "param"), NUMERIC, ids=NUMERIC_IDS)
def test_non_finite_parameter_raises_value_error(spec, param, value):
    for fn in (spec.forward, spec.derivative):
        with pytest.raises(ValueError, match=param.name):
            fn(np.ones(3), **{param.name: value})


@pytest.mark.parametrize("value", ["0.1", None, True, False, np.bool_(True), [0.1], 0.1 + 0j, np.array([0.1])])
@pytest.mark.parametrize(("spec", "param"), NUMERIC, ids=NUMERIC_IDS)
def test_non_number_parameter_raises_type_error(spec, param, value):
    for fn in (spec.forward, spec.derivative):
        with pytest.raises(TypeError, match=param.name):
            fn(np.ones(3), **{param.name: value})


#: Strings no variant is named: another case, a space, empty, a near miss, a bool's name.
WRONG_STRINGS = ["TANH", "None", " none", "tanh ", "", "exact", "erf", "True", "0.1"]


@pytest.mark.parametrize("value", WRONG_STRINGS)
@pytest.mark.parametrize(("spec", "param"), STRING, ids=STRING_IDS)
def test_unknown_string_parameter_raises_value_error(spec, param, value):
    assert not param.check(value)
    for fn in (spec.forward, spec.derivative):
        with pytest.raises(ValueError, match=param.name):
            fn(np.ones(3), **{param.name: value})


@pytest.mark.parametrize("value", [None, True, False, np.bool_(True), 0, 1.0, np.nan, ["tanh"], b"tanh",
                                   np.array(["tanh"])])
@pytest.mark.parametrize(("spec", "param"), STRING, ids=STRING_IDS)
def test_non_string_parameter_raises_type_error(spec, param, value):
    for fn in (spec.forward, spec.derivative):
        with pytest.raises(TypeError, match=param.name):
            fn(np.ones(3), **{param.name: value})


@pytest.mark.parametrize("value", [0, 0.0, -0.0, -1.0, -1e-300, -5e-324])
def test_beta_must_be_positive(value):
    spec = activations.get("softplus")
    for fn in (spec.forward, spec.derivative):
        with pytest.raises(ValueError, match="beta"):
            fn(np.ones(3), beta=value)


@pytest.mark.parametrize(("spec", "param"), PARAMETERS, ids=PARAM_IDS)
def test_parameter_check_matches_what_the_function_accepts(spec, param):
    """``Parameter.check`` is the spec's statement of the valid values (its ``valid`` in
    words); the function accepts a finite value (a string, for a string parameter) exactly
    when ``check`` says so."""
    numbers = (0.0, -0.0, 1e-300, -1e-300, 0.01, -0.5, 1.0, 2, 1e300, -1e300)
    strings = (param.default, "none", "tanh", "exact", "Tanh", "", "sigmoid", *WRONG_STRINGS)
    for value in strings if isinstance(param.default, str) else numbers:
        try:
            spec.forward(np.ones(2), **{param.name: value})
            accepted = True
        except ValueError:
            accepted = False
        assert bool(param.check(value)) == accepted, f"{spec.name}: check({value}) vs the function"


@pytest.mark.parametrize(("spec", "param"), STRING, ids=STRING_IDS)
def test_string_parameters_accept_a_numpy_string(spec, param):
    """np.str_ is a str: a variant's name read from an array or a config file works alike."""
    x = np.array([-2.0, -0.5, 0.5, 3.0])
    for fn in (spec.forward, spec.derivative):
        np.testing.assert_array_equal(fn(x, **{param.name: np.str_(param.default)}), fn(x))


@pytest.mark.parametrize(("spec", "param"), NUMERIC, ids=NUMERIC_IDS)
def test_parameters_accept_any_real_number_type(spec, param):
    x = np.array([-2.0, -0.5, 0.5, 3.0])
    value = 2.0 if param.check(2.0) else param.default
    expected = spec.forward(x, **{param.name: value})
    for same in (int(value), np.float32(value), np.int64(value), fractions.Fraction(int(value))):
        if same == value:
            np.testing.assert_array_equal(spec.forward(x, **{param.name: same}), expected)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_parameters_can_be_passed_by_position_or_keyword(spec):
    """The signature says ``f(x, param=default)``: both ways of passing it work alike."""
    x = np.array([[-2.0, -0.5, 0.5, 3.0], [1.0, 2.0, -3.0, 0.25]])
    for fn in (spec.forward, spec.derivative):
        names = list(inspect.signature(fn).parameters)[1:]
        assert [p.name for p in spec.parameters] == names
        for i, p in enumerate(spec.parameters):
            value = 0 if p.name == "axis" else (2.0 if p.check(2.0) else p.default)
            before = [q.default for q in spec.parameters[:i]]  # the earlier ones by position, at their defaults
            np.testing.assert_array_equal(fn(x, *before, value), fn(x, **{p.name: value}), err_msg=f"{fn.__name__}")


# --- softmax's own errors ---------------------------------------------------------

@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_softmax_input_errors(spec):
    x = np.zeros((2, 3))
    for label, fn in _functions(spec):
        for axis in (2, -3, 100):
            with pytest.raises(ValueError, match="axis"):
                fn(x, axis=axis)
        for axis in (1.0, "0", None, True, [0]):
            with pytest.raises(TypeError, match="axis"):
                fn(x, axis=axis)
        for zero_d in (1.0, np.float64(2.0), np.array(3.0)):
            with pytest.raises(ValueError, match="dimension"):
                fn(zero_d)
        for empty, axis in ((np.zeros((2, 0)), -1), (np.zeros((0, 3)), 0), ([], -1)):
            with pytest.raises(ValueError, match="length 0"):
                fn(empty, axis=axis)
        out = fn(np.zeros((0, 3)), axis=-1)  # no rows: nothing to normalize, nothing wrong
        assert out.shape[:2] == (0, 3), label
        assert fn(x, axis=np.int64(0)).shape == fn(x, axis=0).shape


@pytest.mark.parametrize("spec", [s for s in SPECS if s.vjp is not None], ids=IDS)
def test_vjp_rejects_a_gradient_of_another_shape(spec):
    x = np.zeros((2, 4))  # the output: (2, 4), or (2, 2) for a gated unit
    for g in (np.zeros(4), np.zeros((4, 2)), np.zeros((2, 4, 1)), 1.0, np.zeros((1, 4))):
        with pytest.raises(ValueError, match=r"\bg\b"):
            spec.vjp(x, g)


# --- shapes ----------------------------------------------------------------------

@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_elementwise_shapes(spec):
    for fn in (spec.forward, spec.derivative):
        for scalar in (0.5, -2, np.float64(1.5), np.float32(-1.5)):
            out = fn(scalar)
            assert isinstance(out, np.generic) and not isinstance(out, np.ndarray), f"{fn.__name__}({scalar!r})"
            assert out.shape == ()
        assert np.shape(fn(np.array(0.5))) == ()
        for shape in ((0,), (1,), (5,), (2, 3), (2, 0, 4), (1, 1, 1, 1), (3, 1, 2)):
            x = np.linspace(-3, 3, int(np.prod(shape))).reshape(shape)
            out = fn(x)
            assert isinstance(out, np.ndarray) and out.shape == shape
            np.testing.assert_array_equal(out.ravel(), fn(x.ravel()))
        # views: strided, transposed, Fortran-ordered
        x = np.linspace(-4, 4, 24).reshape(4, 6)
        for view in (x[::2, 1::3], x.T, np.asfortranarray(x), x[:, ::-1]):
            np.testing.assert_array_equal(fn(view), fn(np.ascontiguousarray(view)))


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_softmax_shapes(spec):
    for shape in ((1,), (4,), (2, 3), (2, 3, 4), (1, 1, 5)):
        x = np.linspace(-2, 2, int(np.prod(shape))).reshape(shape)
        for axis in range(-len(shape), len(shape)):
            assert spec.forward(x, axis=axis).shape == shape
            assert spec.vjp(x, np.ones(shape), axis=axis).shape == shape
            assert spec.derivative(x, axis=axis).shape == (*shape, shape[axis])


# --- the input is left alone --------------------------------------------------------

@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_input_is_not_modified(spec, dtype):
    x = np.array([[-np.inf, -800.0, -3.0, -0.0, 0.0, 1e-3],
                  [2.0, 50.0, 900.0, np.inf, np.nan, -1e-7]], dtype=dtype)
    before = x.copy()
    args = {"elementwise": (x, x[1], x[:, 1::2], x[0, 2], np.array(x[0, 2])), "normalizer": (x, x[1], x[:, 1::2]),
            "gated": (x, x[1], x[:, ::3])}[spec.kind]  # (a gated unit: even lengths only)
    for params in R.param_cases(spec):
        for label, fn in _functions(spec):
            for arg in args:
                arg_before = np.array(arg, copy=True)
                out = fn(arg, **params)
                assert not np.shares_memory(out, x), f"{spec.name} {label} returned a view of its input"
                assert np.asarray(arg).tobytes() == arg_before.tobytes(), f"{spec.name} {label} modified x"
    assert x.tobytes() == before.tobytes(), f"{spec.name} modified its input"
    # a read-only input must work too: nothing is written into it
    x.setflags(write=False)
    for _, fn in _functions(spec):
        fn(x)
        fn(x[:, 1:5])
