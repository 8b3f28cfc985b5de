/**
 * The one palette of every chart (Results, Budget, Analysis, deck previews): Okabe-Ito colours,
 * safe for the common colour-vision deficiencies, one meaning each. A series keeps its colour
 * from screen to screen: saving blue, investment orange, net green, cost sky blue, a cost
 * increase vermillion, margin gain sky blue, one-off cash reddish purple.
 */
export const SERIES_COLOURS = {
  saving: '#0072B2',
  investment: '#E69F00',
  net: '#009E73',
  cost: '#56B4E9',
  increase: '#D55E00',
  marginGain: '#56B4E9',
  oneOff: '#CC79A7',
} as const;

export type SeriesName = keyof typeof SERIES_COLOURS;
