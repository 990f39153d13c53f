import { toRunOptions } from './to-run-options';

describe('toRunOptions', () => {
  it('turns the agent limits into run options', () => {
    expect(toRunOptions({ taskTimeout: '1h30m', denyCommands: ['npm install'], defaultDeny: false, prices: 'prices.json' })).toMatchObject({
      taskTimeoutMs: 5_400_000,
      commandPolicy: { deny: ['npm install'], defaultDeny: false },
      pricesFile: 'prices.json',
    });
  });

  it('names a bad task timeout and the fix', () => {
    expect(() => toRunOptions({ taskTimeout: 'soon' })).toThrow('taskTimeout "soon" is not a duration');
  });

  it('turns on the model-assisted footprints only when asked, and says what is missing', () => {
    expect(toRunOptions({}, { OPENAI_API_KEY: 'k' }).assist).toBeUndefined();
    expect(toRunOptions({ assist: true, assistModel: 'mini' }, { OPENAI_API_KEY: 'k' }).assist).toMatchObject({ model: 'mini' });
    expect(() => toRunOptions({ assist: true }, {})).toThrow('OPENAI_API_KEY is not set');
  });
});
