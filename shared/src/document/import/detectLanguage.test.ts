import { describe, expect, it } from 'vitest';
import { detectDocumentLanguage } from './detectLanguage.js';

describe('detectDocumentLanguage', () => {
  it('tells the four document languages apart from a few sentences of a legal text', () => {
    expect(
      detectDocumentLanguage(
        'Each Party shall ensure that persons in vulnerable situations have access to free legal aid. The Parties shall report to the secretariat on the measures taken.',
      ),
    ).toBe('en');
    expect(
      detectDocumentLanguage(
        'Cada Parte garantizará que las personas en situación de vulnerabilidad tengan acceso a la asistencia jurídica gratuita. Las Partes informarán a la secretaría sobre las medidas adoptadas.',
      ),
    ).toBe('es');
    expect(
      detectDocumentLanguage(
        'Cada Parte garantirá que as pessoas em situação de vulnerabilidade tenham acesso à assistência jurídica gratuita. As Partes informarão o secretariado sobre as medidas adotadas pelo Estado.',
      ),
    ).toBe('pt');
    expect(
      detectDocumentLanguage(
        "Chaque Partie veille à ce que les personnes en situation de vulnérabilité aient accès à l'aide juridique gratuite. Les Parties rendent compte au secrétariat des mesures prises dans le pays.",
      ),
    ).toBe('fr');
  });

  it('does not guess from too little text or from an even mix', () => {
    expect(detectDocumentLanguage('Article 1')).toBeNull();
    expect(detectDocumentLanguage('de la')).toBeNull();
    expect(
      detectDocumentLanguage(
        'The Parties shall report to the secretariat. Les Parties rendent compte au secrétariat des mesures prises.',
      ),
    ).toBeNull();
  });
});
