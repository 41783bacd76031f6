import { describe, expect, it } from 'vitest';
import { isLoopbackHost, readTeamServerAddress } from './address';

describe('readTeamServerAddress', () => {
  it('lets a server on this machine go without TLS', () => {
    for (const host of ['localhost', '127.0.0.1', '127.8.9.1', '[::1]']) {
      expect(readTeamServerAddress(`postgres://a:b@${host}:5432/t`).ssl).toBe(false);
    }
  });

  it('verifies the certificate of any other host, whatever the URL asks', () => {
    const address = readTeamServerAddress('postgres://a:b@team.example.com/t?sslmode=no-verify');
    expect(address.ssl).toEqual({ rejectUnauthorized: true });
    expect(address.connectionString).toBe('postgres://a:b@team.example.com/t');
  });

  it('refuses a remote URL that asks for no TLS instead of quietly upgrading it', () => {
    for (const mode of ['disable', 'allow', 'prefer']) {
      expect(() => readTeamServerAddress(`postgres://a@10.0.0.5/t?sslmode=${mode}`)).toThrow(/without TLS/);
    }
    expect(readTeamServerAddress('postgres://a@127.0.0.1/t?sslmode=disable').ssl).toBe(false);
  });

  it('masks the password in what it shows', () => {
    const address = readTeamServerAddress('postgresql://agent:s3cret@127.0.0.1:5433/team');
    expect(address.display).toBe('postgresql://agent:***@127.0.0.1:5433/team');
    expect(address.display).not.toContain('s3cret');
  });

  it('says what is wrong with an address it cannot use', () => {
    expect(() => readTeamServerAddress('team.example.com')).toThrow(/not a URL/);
    expect(() => readTeamServerAddress('mysql://a@h/t')).toThrow(/must start with postgres/);
  });

  it('does not take a name that merely starts like loopback for it', () => {
    expect(isLoopbackHost('localhost.evil.example')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('::2')).toBe(false);
  });
});
