import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../renderer/src/components/picker/match';

describe('picker search', () => {
  it('needs every typed word, in any order, ignoring case and full-width forms', () => {
    const path = '售后服务成本 › 客服中心 › Region 2 › Team 1：业务量';
    expect(matchesQuery(path, '客服中心 业务量')).toBe(true);
    expect(matchesQuery(path, '业务量　客服')).toBe(true); // a full-width space from a Chinese keyboard
    expect(matchesQuery(path, 'ＴＥＡＭ １')).toBe(true);
    expect(matchesQuery(path, 'team 1 单价')).toBe(false);
    expect(matchesQuery(path, '   ')).toBe(true);
  });
});
