import { describe, expect, it } from 'vitest';
import { BOM, csvCell, parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('starts with a byte-order mark so Excel reads the Hebrew', () => {
    const text = toCsv(['שם', 'טלפון'], [['דנה כהן', '050-1234567']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}שם,טלפון\r\nדנה כהן,050-1234567\r\n`);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('תל אביב, יפו')).toBe('"תל אביב, יפו"');
    expect(csvCell('הוא אמר "כן"')).toBe('"הוא אמר ""כן"""');
    expect(csvCell('שורה\nשנייה')).toBe('"שורה\nשנייה"');
  });

  it('defuses formulas but leaves phone numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+972501234567')).toBe('+972501234567');
    expect(csvCell('-12')).toBe('-12');
  });

  it('parses what it writes', () => {
    const rows = [
      ['שם', 'הערות'],
      ['אבי, לוי', 'אמר "מחר"\nבבוקר'],
      ['', 'ריק'],
    ];
    const [header = [], ...body] = rows;
    expect(parseCsv(toCsv(header, body))).toEqual(rows);
  });
});
