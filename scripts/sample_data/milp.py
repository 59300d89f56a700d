"""A very small modelling layer over scipy.optimize.milp: binary/integer variables,
linear constraints written as {variable: coefficient} dicts, one deterministic solve."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

Expr = dict[int, float]


def total(variables: Iterable[int] | Iterable[Expr]) -> Expr:
    """The sum of variables (or of expressions)."""
    out: Expr = {}
    for v in variables:
        items = v.items() if isinstance(v, dict) else ((v, 1.0),)
        for k, coef in items:
            out[k] = out.get(k, 0.0) + coef
    return out


def scaled(expr: Expr, factor: float) -> Expr:
    return {k: c * factor for k, c in expr.items()}


class Infeasible(RuntimeError):
    pass


class Model:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lb: list[float] = []
        self.ub: list[float] = []
        self.cost: list[float] = []
        self.rows: list[tuple[Expr, float, float]] = []

    def var(self, name: str, lb: float = 0, ub: float = 1) -> int:
        self.names.append(name)
        self.lb.append(lb)
        self.ub.append(ub)
        self.cost.append(0.0)
        return len(self.names) - 1

    def add(self, expr: Expr | int, lo: float = -math.inf, hi: float = math.inf) -> None:
        if isinstance(expr, int):
            expr = {expr: 1.0}
        const = expr.get(-1, 0.0)  # key -1 holds a constant term
        terms = {k: c for k, c in expr.items() if k != -1 and c != 0}
        self.rows.append((terms, lo - const, hi - const))

    def eq(self, expr: Expr | int, value: float) -> None:
        self.add(expr, value, value)

    def le(self, expr: Expr | int, value: float) -> None:
        self.add(expr, hi=value)

    def ge(self, expr: Expr | int, value: float) -> None:
        self.add(expr, lo=value)

    def minimise(self, expr: Expr) -> None:
        for k, c in expr.items():
            self.cost[k] += c

    def solve(self, time_limit: float = 600, gap: float = 1e-4) -> list[int]:
        """Optimal (within `gap`) solution; the time limit is only a guard: hitting it is an
        error, because a time-limited answer would depend on the machine's speed."""
        data, ri, ci = [], [], []
        lo, hi = [], []
        for r, (terms, a, b) in enumerate(self.rows):
            for k, c in terms.items():
                ri.append(r)
                ci.append(k)
                data.append(c)
            lo.append(a)
            hi.append(b)
        n = len(self.names)
        matrix = coo_matrix((data, (ri, ci)), shape=(len(self.rows), n)).tocsr()
        result = milp(
            c=np.array(self.cost),
            constraints=LinearConstraint(matrix, np.array(lo), np.array(hi)),
            integrality=np.ones(n),
            bounds=Bounds(np.array(self.lb), np.array(self.ub)),
            options={"time_limit": time_limit, "presolve": True, "mip_rel_gap": gap},
        )
        if result.x is None or result.status != 0:
            raise Infeasible(f"no solution within the limits: {result.message}")
        return [round(v) for v in result.x]
