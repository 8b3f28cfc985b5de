/**
 * The words of the exported workbook and of the import layout, in English (shared/workbook,
 * main/excel). `{{u}}` in a label stands for the display unit (万元, "10k yuan", ...): the
 * workbook code fills it where the label meets a sheet.
 */
export const workbookEn = {
  sheets: {
    summary: 'Summary',
    structure: 'Cost structure',
    definitions: 'Definitions',
    analysis: 'Analyses',
    scenarioFallback: 'Scenario {{index}}',
  },
  legend: {
    input: 'Input (shaded): change these',
    formula: 'Formula: worked out from the inputs',
    unit: 'Amounts in {{amountUnit}}',
  },
  summary: {
    title: '{{model}}: scenarios side by side',
    figure: 'Figure',
    seeDefinitions: 'Every figure is defined on the Definitions sheet.',
    rows: {
      horizon: 'Horizon (years)',
      volumeGrowth: '$t(figures:volumeGrowthRate)',
      discountRate: '$t(figures:discountRate)',
      baseSaving: 'Year-1 saving at full target ({{u}})',
      affectedShare: 'Share of total cost saved',
      saving: 'Horizon saving ({{u}})',
      investment: 'Investment ({{u}})',
      net: 'Net ({{u}})',
      returnOnInvestment: 'Return / investment',
      netRoi: 'Net ROI',
      npv: 'NPV ({{u}})',
      paybackYears: 'Payback (years)',
      paybackMonths: 'Payback (months)',
    },
  },
  structure: {
    title: '{{model}}: cost structure',
    level: 'Level',
    name: 'Name',
    basis: 'Basis',
    value: 'Value (share, or amount in {{u}})',
    relevance: 'Relevance',
    amount: 'Amount ({{u}})',
    ownAmount: 'Own amount, not in sub-lines ({{u}})',
    shareOfTotal: '% of total',
    notes: 'Notes',
    id: 'ID',
    parent: 'Parent',
  },
  scenario: {
    year: 'Year',
    totalOrValue: 'Total or value',
    planYear: 'Plan year',
    volumeGrowth: '$t(figures:volumeGrowthRate)',
    discountRate: '$t(figures:discountRate)',
    ramp: 'Ramp: share of the target reached',
    saving: 'Saving ({{u}})',
    investmentLines: 'Investment and incentive lines ({{u}})',
    timing: 'Timing',
    amountKind: 'Amount basis',
    parameter: 'Amount a year ({{u}}) or share of saving',
    category: 'Category',
    upfront: 'Investment paid upfront, start of year ({{u}})',
    spread: 'Investment spread through the year ({{u}})',
    investment: 'Investment ({{u}})',
    net: 'Net: saving - investment ({{u}})',
    cumulativeNet: 'Cumulative net, end of year ({{u}})',
    paybackWorking: 'Payback working (timing convention on the Definitions sheet)',
    moved: 'Money moved in the year: |saving| + investment ({{u}})',
    tolerance: 'Rounding tolerance: 10^-9 x the most moved in a year ({{u}})',
    startOfYear: 'Cumulative net after the upfront payments, start of year ({{u}})',
    lastBelowZero: 'Last moment below zero so far (years from the start)',
    results: 'Results',
    lines: 'Cost line',
    unitCostChange: 'Unit cost change',
    throughputChange: 'Per-capita volume change',
    volumeChange: 'Volume change',
    costFactor: 'Cost factor',
    lineSaving: 'Line saving, year 1 ({{u}})',
  },
  figures: { never: '$t(figures:never)', notApplicable: '$t(figures:notApplicable)' },
  words: {
    basis: { share: 'share', amount: 'amount' },
    relevance: { strong: 'strong', weak: 'weak' },
    timing: { upfront: 'upfront', spread: 'spread' },
    amountKind: { perYear: 'per year', yearly: 'amounts by year', shareOfSaving: 'share of saving' },
    category: { bonus: 'Bonus', digitalTools: 'Digital tools', teamAndPay: 'Team and pay', training: 'Training', other: 'Other' },
  },
  definitions: {
    title: 'Definitions: how every figure is worked out',
    term: 'Term',
    definition: 'Definition',
    liveModel: 'This model: {{name}} (live)',
    minus: ' - ',
    yearsTimes12: ' years x 12 = ',
    months: ' months',
  },
  analysis: {
    title: '{{model}}: what-if analyses',
    note: 'Values computed by Service Cost Planner; they do not recalculate (no formulas on this sheet).',
    scenario: 'Scenario: {{name}}',
    tornado: 'Tornado of {{output}}: each input moved alone to its low and high (its uncertainty range, else -/+{{swing}}% of its value)',
    base: '{{output}} as the scenario has it ({{u}})',
    input: 'Input',
    source: 'Low and high from',
    sources: { range: 'uncertainty range', swing: '-/+ swing' },
    low: 'Low (% or {{u}})',
    high: 'High (% or {{u}})',
    atLow: '{{output}} at low ({{u}})',
    atHigh: '{{output}} at high ({{u}})',
    swing: 'Swing of {{output}} ({{u}})',
    bridge: "Bridge of the horizon saving: each lever (at today's volume) and volume growth",
    step: 'Step',
    change: 'Change',
    yearOneSaving: 'Year-1 saving ({{u}})',
    horizonSaving: 'Horizon saving ({{u}})',
    growthStep: '$t(figures:volumeGrowthStep)',
    otherLevers: 'Other levers ({{levers, number}})',
    largest: 'The {{shown}} largest swings of {{of, number}} inputs',
    total: 'Total: horizon saving',
    monteCarlo: 'Monte Carlo simulation of the uncertainty ranges',
    seed: 'Seed',
    trials: 'Trials',
    trialsLowered: 'fewer than {{full, number}} trials: a large model, to keep the export fast',
    mostLikely: 'Most likely (% or {{u}})',
    distribution: 'Distribution',
    figure: 'Figure',
    mean: 'Mean',
    probabilityRoi: 'Chance that return / investment > 1',
    probabilityPayback: 'Chance of payback within the horizon',
    noRanges: 'No uncertainty ranges: no Monte Carlo simulation.',
    outputs: { npv: 'NPV', saving: '$t(figures:saving.label)' },
    amount: '{{output}} ({{u}})',
  },
  csv: { scenario: 'Scenario', planYear: 'Plan year', calendarYear: 'Year', ratio: ' (ratio)', total: 'Total' },
  template: {
    title: 'Cost structure import template',
    hint: 'One row per cost line, in outline order. The About sheet explains every column. Import with: costplan import FILE --out MODEL.costplan',
    about: 'About',
    sheet: 'How to fill in the Cost structure sheet',
    column: 'Column',
    required: 'Required',
    meaning: 'Meaning',
  },
  /** The About sheet of the import template: whether each column of the layout is required, and what it holds. */
  layoutDoc: {
    level: {
      required: 'Level or Parent',
      meaning: '1 for the root, 2 for its parts, and so on. Rows in outline order: each row belongs to the nearest row above it whose level is one less.',
    },
    parent: {
      required: 'Level or Parent',
      meaning: 'The name of the parent line; empty for the root. The name must identify one line. Ignored when there is a Level column.',
    },
    name: { required: 'required', meaning: 'The name of the cost line (at most 120 characters); lines under the same parent need different names.' },
    basis: {
      required: 'may be empty for the root',
      meaning:
        '"$t(workbook:words.basis.share)" (a share of the parent\'s amount) or "$t(workbook:words.basis.amount)". Empty: an amount for the root, a share when the value is written like 44%.',
    },
    value: {
      required: 'required',
      meaning:
        "A share as 44% or 0.44 (0 to 100%); an amount in the unit named in the header's brackets (such as {{amountUnit}}; yuan when none is named). The root must be an amount.",
    },
    relevance: {
      required: 'optional',
      meaning: '"$t(workbook:words.relevance.strong)" or "$t(workbook:words.relevance.weak)"; empty: the parent\'s (strong for the root).',
    },
    notes: { required: 'optional', meaning: 'Free text (at most 4,000 characters).' },
    id: { required: 'optional', meaning: 'An id of letters, digits and _ . : - ; made up when empty.' },
  },
  /** The rows of the Definitions sheet that are not figures (shared/workbook/definitions.ts orders them). */
  definitionRows: {
    inputs: {
      term: 'Inputs and formulas',
      definition:
        'Shaded cells are inputs (numbers or words): change them here. Every other number is a formula over the inputs and recalculates when you open or edit the file. The results saved in the file are the ones the planner computed.',
    },
    unit: { term: 'Unit', definition: 'All amounts are in {{u}}. Cells hold exact values; only the display is rounded. Percentages are shown as percentages.' },
    amount: {
      term: 'Amount of a cost line',
      definition: 'Basis "share": amount = parent amount x share. Basis "amount": amount = the amount entered. % of total = amount / the root amount.',
    },
    ownAmount: {
      term: 'Own amount, not in sub-lines',
      definition:
        'The line amount minus the amounts of its direct sub-lines (a line without sub-lines keeps its whole amount); a remainder of at most 10^-12 of the amount (rounding of shares that add up to 100%) counts as 0, and so does a negative one. Savings are worked out on own amounts, so nothing is counted twice.',
    },
    unitCost: { term: 'Unit cost change u', definition: 'The people cost per ticket changes by u: the cost is multiplied by (1 + u).' },
    throughput: {
      term: 'Per-capita volume change t',
      definition:
        'Tickets per agent change by t at the same wage: the cost is multiplied by 1 / (1 + t). A rise t in per-capita volume lowers the cost by t / (1 + t), less than t; a unit-cost cut u at the same wage needs a per-capita volume rise of u / (1 - u).',
    },
    volume: {
      term: 'Volume change v',
      definition: 'The volume handled on the line changes by v (for example tickets moved to a self-service bot): the cost is multiplied by (1 + v).',
    },
    costFactor: {
      term: 'Cost factor',
      definition:
        "The product of a line's own lever factors and its parent's cost factor: cost factor = parent cost factor x (1 + u) x 1/(1 + t) x (1 + v). A lever on a line acts on everything below it. An empty lever cell counts as 0 (factor 1).",
    },
    lineSaving: { term: 'Line saving', definition: 'Own amount x (1 - cost factor). Year-1 saving at full target = the sum of the line savings.' },
    yearlySaving: { term: 'Saving in year y', definition: 'Year-1 saving at full target x (1 + volume growth)^(y - 1) x ramp of year y (100% unless set).' },
    amountBasis: {
      term: 'Amount basis of an investment line',
      definition:
        "Per year: the same amount every year. Amounts by year: one amount per year (0 for a year left out). Share of saving: the share x that year's saving (0 when the saving is negative).",
    },
    timing: {
      term: 'Timing',
      definition:
        'Upfront: paid at the start of each year the line applies to (purchases such as digital tools). Spread: paid evenly through the year (bonuses, pay, team budgets). Savings accrue evenly through each year.',
    },
    ratios: {
      term: 'Return / investment and net ROI',
      definition:
        "Return / investment = horizon saving / investment. Net ROI = (horizon saving - investment) / investment = return / investment - 1. Both are exact: the average saving is not rounded before dividing. Without investment neither applies. The column on the right works them out with this model's numbers.",
    },
    paybackWorking: {
      term: 'Payback working',
      definition:
        'For each year: the start = the cumulative net at the end of the year before - the upfront investment of the year; the end = the cumulative net of the year; in between the cumulative net moves in a straight line. If it ends the year below zero, the last moment below zero is the end of that year; if it starts below zero and ends at or above zero, it is (year - 1) + (-start) / (end - start). A shortfall within the rounding tolerance (10^-9 of the largest |saving| + investment of a year) counts as zero, so a plan that exactly breaks even does not read "not within the horizon" because of float rounding. Payback is 0 when the cumulative net is never below zero, and "not within the horizon" when it ends the horizon below zero. Payback in months = payback in years x 12.',
    },
    definedNames: {
      term: 'Defined names',
      definition:
        'The scenario-level inputs have defined names, numbered in sheet order: Scenario1_VolumeGrowth (volume growth a year), Scenario1_DiscountRate (discount rate) and Scenario1_Ramp (the ramp of each year).',
    },
    backIntoPlanner: {
      term: 'Back into the planner',
      definition:
        'costplan import reads this file back: changes to the shaded inputs are taken over. The hidden sheet "_costplan" keeps the model as exported; do not edit it. Change the structure (levels, adding or removing lines, the horizon, the amount basis of an investment line) in the planner.',
    },
  },
} as const;
