/**
 * Generates the Chebyshev coefficients of src/core/normal.ts (run: node scripts/erfcx-chebyshev.mjs).
 *
 * The function approximated is f(t) = (1 + 2y)·erfcx(y), erfcx(y) = exp(y²)·erfc(y), with
 * y = K(1 + t)/(1 − t), t in [−1, 1) (the mapping of Shepherd & Laframboise, "Chebyshev
 * approximation of (1 + 2x) exp(x²) erfc x in 0 ≤ x < ∞", Math. Comp. 36 (1981) 249–253).
 * f is smooth and bounded (1 at y = 0, 2/√π as y → ∞), so one Chebyshev series covers y ≥ 0.
 *
 * erfcx is computed here in decimal.js at 200 significant digits: the Maclaurin series
 * erf(y) = 2/√π · exp(−y²) · Σ 2ⁿ y^(2n+1) / (1·3·…·(2n+1)) (positive terms) for y ≤ 16, so
 * erfcx = exp(y²)·(1 − erf) keeps 100+ digits; the asymptotic series above 16, whose
 * smallest term (about exp(−y²)) is far below 1e-60.
 */
import Decimal from "decimal.js";

const D = Decimal.clone({ precision: 200 });
const K = 3.75;
const NODES = 96;
const PI = D.acos(-1);
const SQRT_PI = PI.sqrt();

function erfcx(y) {
  if (y.isZero()) return new D(1);
  if (y.lte(16)) {
    // Σ 2ⁿ y^(2n+1)/(2n+1)!!
    const y2 = y.mul(y);
    let term = y;
    let sum = y;
    for (let n = 1; ; n++) {
      term = term
        .mul(y2)
        .mul(2)
        .div(2 * n + 1);
      sum = sum.add(term);
      if (term.lt(sum.mul("1e-210"))) break;
    }
    const erf = sum.mul(2).div(SQRT_PI).mul(y2.neg().exp());
    return new D(1).sub(erf).mul(y2.exp());
  }
  // erfcx(y) ~ 1/(y√π) Σ (−1)ⁿ (2n−1)!! / (2y²)ⁿ, stopped at the smallest term.
  const inv = new D(1).div(y.mul(y).mul(2));
  let term = new D(1);
  let sum = new D(1);
  for (let n = 1; n < 400; n++) {
    const next = term.mul(-(2 * n - 1)).mul(inv);
    if (next.abs().gte(term.abs())) break;
    term = next;
    sum = sum.add(term);
    if (term.abs().lt("1e-120")) break;
  }
  return sum.div(y.mul(SQRT_PI));
}

function f(t) {
  if (t.eq(1)) return new D(2).div(SQRT_PI);
  const y = new D(K).mul(t.add(1)).div(new D(1).sub(t));
  return y.mul(2).add(1).mul(erfcx(y));
}

const values = [];
for (let k = 0; k < NODES; k++) {
  const theta = PI.mul(k + 0.5).div(NODES);
  values.push({ theta, v: f(theta.cos()) });
}
const coeffs = [];
for (let j = 0; j < NODES; j++) {
  let s = new D(0);
  for (const { theta, v } of values) s = s.add(v.mul(theta.mul(j).cos()));
  coeffs.push(s.mul(2).div(NODES));
}
// Keep terms until they fall below 1e-18 for good.
let last = coeffs.length - 1;
while (last > 0 && coeffs[last].abs().lt("1e-18")) last--;
console.log(`// K = ${K}, ${last + 1} coefficients (the first already halved), from ${NODES} nodes`);
console.log(
  coeffs
    .slice(0, last + 1)
    .map((c, j) => (j === 0 ? c.div(2) : c).toSignificantDigits(17).toString())
    .join(",\n"),
);
