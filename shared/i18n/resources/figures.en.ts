/**
 * The figures the product reports, with the definition shown next to each one (screens, CLI,
 * workbook, deck), and the names of the lever kinds. One table, so that every surface states the
 * same formula. `captioned` names a lever by a line's own caption of it.
 */
export const figuresEn = {
  affectedShare: {
    label: 'Share of total cost saved',
    definition: 'Year-1 saving at full target / total service cost (e.g. 14% x 87% x 15% = 1.827%).',
  },
  yearOneSaving: {
    label: 'Year-1 saving (after ramp)',
    definition: "The run-rate saving (the levers at full target on this year's cost base, before growth) times the year-1 ramp.",
  },
  saving: {
    label: 'Horizon saving',
    definition: 'Sum over the horizon of: year-1 saving x (1 + volume growth)^(year - 1) x ramp of the year.',
  },
  investment: { label: 'Investment', definition: 'Sum of the incentive and investment lines over the horizon.' },
  net: { label: 'Net', definition: 'Horizon saving + margin gain + one-off cash - investment.' },
  cumulativeNet: {
    label: 'Cumulative net',
    definition: 'Savings and margin gains plus one-off cash minus investments, from the start of the plan to the end of the year.',
  },
  returnOnInvestment: {
    label: 'Return / investment',
    definition: 'Benefit (saving + margin gain) / investment (投入产出比). Above 1, every yuan invested returns more than a yuan. One-off cash never counts.',
  },
  netRoi: { label: 'Net ROI', definition: '(Benefit - investment) / investment: return / investment minus 1. One-off cash never counts.' },
  npv: {
    label: 'NPV',
    definition: "Each year's net discounted as one year-end flow at the scenario's discount rate (Excel's NPV convention).",
  },
  paybackYears: {
    label: 'Payback',
    definition:
      'Earliest time from which the cumulative net stays at or above zero to the end of the horizon. Savings, margin gains, spread investments and spread one-off cash accrue evenly through each year; upfront investments and upfront one-off cash fall at the start of the year.',
  },
  marginGain: {
    label: 'Margin gain',
    definition:
      "Sum over the horizon of the revenue levers' gain: revenue R x (margin m x volume change v + price change p x (1 + v)), grown and ramped like savings.",
  },
  benefit: { label: 'Benefit', definition: 'Saving + margin gain. Share-of-saving investment lines take their share of it.' },
  oneOff: {
    label: 'One-off cash',
    definition:
      'One-off amounts in a plan year (stock released, an asset sold; negative for a one-off cost). In the net, NPV and payback, never in the profit ratios.',
  },
  /** The scenario's growth rate as an input is named; one name on every surface. */
  volumeGrowthRate: 'Volume growth a year',
  discountRate: 'Discount rate',
  /** Payback when the cumulative net ends the horizon below zero. */
  never: 'not within the horizon',
  /** A ratio over the investment when there is none. */
  notApplicable: 'n/a (no investment)',
  /** The volume-growth step of the savings bridge. */
  volumeGrowthStep: 'Volume growth',
  lever: { unitCostChange: 'Unit cost', throughputChange: 'Per-capita volume', volumeChange: 'Volume' },
  /** A lever kind inside a sentence or after a caption: "inventory turnover (per-capita volume)". */
  leverInText: { unitCostChange: 'unit cost', throughputChange: 'per-capita volume', volumeChange: 'volume' },
  revenueLever: { volumeChange: 'Volume', priceChange: 'Price' },
  revenueLeverInText: { volumeChange: 'volume', priceChange: 'price' },
  captioned: '{{caption}} ({{kind}})',
};
