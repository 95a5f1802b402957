/**
 * The base every deal template starts from, and the factory that states a template as its
 * differences from it: a commercial loan priced by the dated market table (bank recourse
 * against a CMBS conduit unless the template names other lenders; each structure's
 * rate, points, DSCR and LTV its lender's row; methodology §14), full guarantee against
 * carveouts only, a trustee sale in Texas (which allows the deficiency), the generic scenarios,
 * no carveouts ticked, the default sensitivity. Inputs not given take their record's default
 * (inputs.ts); sources not given take the base's, and `null` removes one.
 */
import { DEFAULT_INPUTS, type DealInputs, type InputKey } from "./inputs";
import { DEFAULT_SENSITIVITY, GENERIC_SCENARIOS, marketThresholds, SRC, type DealTemplate } from "./types";

/** The base's sources: the market table's rates and points, the sponsor tests, the discount rate, the state. */
const BASE_SOURCES: Readonly<Partial<Record<InputKey, string>>> = {
  recourseRate: SRC.marketRate,
  nonRecourseRate: SRC.marketRate,
  recoursePoints: SRC.marketRate,
  nonRecoursePoints: SRC.marketRate,
  netWorth: SRC.sponsor,
  liquidity: SRC.sponsor,
  state: SRC.commercialState,
  foreclosure: "BEST: the foreclosure that recovers most (the lender's remedy, below)",
};

/** A template as its differences from the base. */
export type TemplateSpec = Omit<
  DealTemplate,
  "inputs" | "sources" | "lenders" | "thresholds" | "scenarios" | "carveouts" | "sensitivity"
> &
  Partial<Pick<DealTemplate, "lenders" | "thresholds" | "scenarios" | "carveouts" | "sensitivity">> & {
    readonly inputs: Partial<DealInputs>;
    /** Sources of the inputs that differ from the base's; null: no source note for that input. */
    readonly sources?: Readonly<Partial<Record<InputKey, string | null>>>;
  };

/** The template: the base with the spec's differences. */
export function template(spec: TemplateSpec): DealTemplate {
  const sources: Partial<Record<InputKey, string>> = { ...BASE_SOURCES };
  for (const [key, source] of Object.entries(spec.sources ?? {}) as [InputKey, string | null][]) {
    if (source === null) delete sources[key];
    else sources[key] = source;
  }
  return {
    lenders: { recourse: "BANK", nonRecourse: "CMBS" },
    thresholds: marketThresholds(),
    scenarios: GENERIC_SCENARIOS,
    carveouts: [],
    sensitivity: DEFAULT_SENSITIVITY,
    ...spec,
    inputs: { ...DEFAULT_INPUTS, ...spec.inputs },
    sources,
  };
}
