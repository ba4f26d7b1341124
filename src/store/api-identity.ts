/**
 * The federation's identity: part of the storage API. Settings are kept as given (JSON validated by
 * src/app/identity); the logo is stored as checked by it.
 */

export interface StoredIdentity {
  settings: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

export interface StoredLogo {
  type: string;
  width: number;
  height: number;
  /** The file as uploaded (an SVG after its checks), base64. */
  content: string;
  /** A PNG rendering of an SVG logo (for Word and PDF), base64; null for PNG and JPEG. */
  png: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface IdentityRepository {
  get(): Promise<StoredIdentity | undefined>;
  set(settings: unknown, updatedBy: string | null, now: string): Promise<void>;
  getLogo(): Promise<StoredLogo | undefined>;
  setLogo(logo: StoredLogo): Promise<void>;
  removeLogo(): Promise<void>;
}

declare module './api.js' {
  interface Repositories {
    identity: IdentityRepository;
  }
}
