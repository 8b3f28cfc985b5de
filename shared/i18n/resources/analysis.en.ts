/** Names of what-if inputs and distributions, as the analyses' tables and charts label them. */
export const analysisEn = {
  input: {
    growth: 'Volume growth',
    discount: '$t(figures:discountRate)',
    lever: '{{node}}: {{lever}}',
    share: '{{node}}: share of parent',
    amount: '{{node}}: amount',
    investment: '{{line}} (investment)',
    revenue: '{{line}}: revenue',
    margin: '{{line}}: contribution margin',
    revenueLever: '{{line}}: {{lever}}',
    oneOff: '{{item}} (one-off cash)',
  },
  distribution: { triangular: 'triangular', pert: 'PERT' },
};
