/* notes.c — what is said under a table: the note on where the library
 * deviates from the printed report (reference/KNOWN_ISSUES.md, SPEC §5),
 * and the population sentence in Norwegian. */
#include "notes.h"

#include <string.h>

typedef struct note {
    const char *id, *nb, *en;
} note;

static const note notes[] = {
    {"2.3",
     "Andelen for endelig populasjon er av alle innleste virksomheter (utgangspopulasjonen), "
     "avrundet halvt opp. Rapporten trykker 88,9, som er en andel av virksomhetene som svarte "
     "(3611/4062), ikke av utgangspopulasjonen (3611/4067 = 88,8).",
     "The share of the final population is of all loaded enterprises (the initial population), "
     "rounded half up. The report prints 88.9, a share of the responding enterprises "
     "(3611/4062), not of the initial population (3611/4067 = 88.8)."},
    {"3.13",
     "Som i rapporten er hver rads andel delt p\xC3\xA5 alle aktive virksomheter i kategorien "
     "(kommunale og private, f.eks. 289/1529), og \xC2\xABTotalt\xC2\xBB p\xC3\xA5 hele "
     "populasjonen (896/3611), ikke p\xC3\xA5 de kommunale virksomhetene tabellen teller.",
     "As in the report, each row's share divides by all active enterprises of the category "
     "(municipal and private, e.g. 289/1529), and the total by the whole population (896/3611), "
     "not by the municipal enterprises the table counts."},
    {"4.3",
     "\xC2\xABIngen m\xC3\xA5lgruppe\xC2\xBB telles som tre eller flere m\xC3\xA5lgrupper.",
     "\xE2\x80\x9CNo target group\xE2\x80\x9D counts as three or more target groups."},
    {"4.8",
     "Tabellen omfatter hele populasjonen (3611 i rapporten). Rapportens tittel oppgir N=3470, "
     "som er N for tabell 3.9.",
     "The table covers the whole population (3611 in the report). The report's title gives "
     "N=3470, the N of table 3.9."},
    {"4.10",
     "\xC2\xABIngen m\xC3\xA5lgruppe\xC2\xBB telles som tre eller flere m\xC3\xA5lgrupper.",
     "\xE2\x80\x9CNo target group\xE2\x80\x9D counts as three or more target groups."},
    {"4.11",
     "\xC2\xABIngen m\xC3\xA5lgruppe\xC2\xBB telles som tre eller flere m\xC3\xA5lgrupper.",
     "\xE2\x80\x9CNo target group\xE2\x80\x9D counts as three or more target groups."},
    {"4.20",
     "Andeler avrundes halvt opp fra den eksakte br\xC3\xB8ken: 17/80 = 21,25 gir 21,3. Rapporten "
     "trykker 21,2 for 5 000\xE2\x80\x93" "9 999 innbyggere, Eldre og/eller demens, men runder "
     "sine fem andre eksakte midtpunkter opp.",
     "Shares are rounded half up from the exact fraction: 17/80 = 21.25 gives 21.3. The report "
     "prints 21.2 for 5,000\xE2\x80\x93" "9,999 inhabitants, elderly and/or dementia, but rounds "
     "its five other exact ties up."},
    {"4.21",
     "Hver andel st\xC3\xA5r under riktig overskrift. I rapporten er kolonnene \xC2\xABIngen "
     "m\xC3\xA5lgruppe\xC2\xBB og \xC2\xAB" "Annen m\xC3\xA5lgruppe\xC2\xBB byttet om.",
     "Each share stands under its right heading. In the report the columns \xE2\x80\x9CNo target "
     "group\xE2\x80\x9D and \xE2\x80\x9COther target group\xE2\x80\x9D are swapped."},
    {"4.22",
     "Hver andel st\xC3\xA5r under riktig overskrift. I rapporten er kolonnene \xC2\xABIngen "
     "m\xC3\xA5lgruppe\xC2\xBB og \xC2\xAB" "Annen m\xC3\xA5lgruppe\xC2\xBB byttet om.",
     "Each share stands under its right heading. In the report the columns \xE2\x80\x9CNo target "
     "group\xE2\x80\x9D and \xE2\x80\x9COther target group\xE2\x80\x9D are swapped."},
    {"4.23",
     "Kategoriene f\xC3\xB8lger reglene i kapittel 3 (527 kombinert og 57 administrasjon i "
     "rapportens data, som i tabell 3.5). Rapporten trykker 529 og 55 i denne tabellen.",
     "The categories follow the rules of chapter 3 (527 combined and 57 administration in the "
     "report's data, as in table 3.5). The report prints 529 and 55 in this table."},
    {"5.1",
     "\xC2\xABUten boenheter\xC2\xBB for Kun boligbase er resten av kategorien (28 i rapportens "
     "data). Rapporten trykker 281: fotnotetegnet 1 har falt sammen med tallet.",
     "\xE2\x80\x9CWithout housing units\xE2\x80\x9D for housing base only is the rest of the "
     "category (28 in the report's data). The report prints 281: the footnote mark 1 merged "
     "with the number."},
};

/* The catalogue's population sentences (English) in Norwegian. */
static const struct {
    const char *en, *nb;
} populations[] = {
    {"All active home-care enterprises (status aktiv, not outside home care).",
     "Alle aktive hjemmetjenestevirksomheter (status aktiv, ikke utenfor hjemmetjenesten)."},
    {"Active home-care enterprises in the category Kun boligbase (housing base only).",
     "Aktive hjemmetjenestevirksomheter i kategorien Kun boligbase."},
    {"Active home-care enterprises in the three ambulatory-only categories.",
     "Aktive hjemmetjenestevirksomheter i de tre kategoriene med kun ambulerende virksomhet."},
    {"Municipal active home-care enterprises, single-user arrangements (enetiltak) excluded.",
     "Kommunale aktive hjemmetjenestevirksomheter, unntatt enetiltak."},
    {"Active home-care enterprises with boligbase and at least two housing units (boenheter).",
     "Aktive hjemmetjenestevirksomheter med boligbase og minst to boenheter."},
    {"All municipalities of the municipality table, by size class.",
     "Alle kommunene i kommunetabellen, etter st\xC3\xB8rrelsesklasse."},
    {"The ASSS municipalities present in the municipality table.",
     "ASSS-kommunene i kommunetabellen."},
    {"Every loaded record, whatever its status.",
     "Alle innleste virksomheter, uansett status."},
    {"Active enterprises whose main type is pure user-directed home services.",
     "Aktive virksomheter med hovedvirksomhetstype rene brukerrettede hjemmetjenester."},
    {"Pure user-directed enterprises with one or two home-service types.",
     "Rene brukerrettede virksomheter med \xC3\xA9n eller to virksomhetstyper i "
     "hjemmetjenesten."},
    {"Active enterprises combining home services with another service type.",
     "Aktive virksomheter som kombinerer hjemmetjeneste med annen tjenestetype."},
    {"Active enterprises whose main type is administration etc.",
     "Aktive virksomheter med hovedvirksomhetstype administrasjon med videre."},
    {"All active home-care enterprises except single-user arrangements (enetiltak).",
     "Alle aktive hjemmetjenestevirksomheter unntatt enetiltak."},
    {"Municipal enterprises (enetiltak excluded) that exchange personnel.",
     "Kommunale virksomheter (unntatt enetiltak) som utveksler personell."},
    {"Municipal enterprises (enetiltak excluded) that exchange personnel; shares of all active "
     "enterprises of each category.",
     "Kommunale virksomheter (unntatt enetiltak) som utveksler personell; andeler av alle "
     "aktive virksomheter i hver kategori."},
    {"Municipal enterprises (enetiltak excluded) that receive personnel.",
     "Kommunale virksomheter (unntatt enetiltak) som mottar personell."},
    {"Municipal enterprises (enetiltak excluded) that provide personnel.",
     "Kommunale virksomheter (unntatt enetiltak) som leverer personell."},
    {"Private active home-care enterprises, single-user arrangements (enetiltak) excluded.",
     "Private aktive hjemmetjenestevirksomheter, unntatt enetiltak."},
    {"All municipalities of the municipality table.", "Alle kommunene i kommunetabellen."},
    {"Active home-care enterprises with one or two target groups.",
     "Aktive hjemmetjenestevirksomheter med \xC3\xA9n eller to m\xC3\xA5lgrupper."},
    {"Active home-care enterprises outside the target-group clusters.",
     "Aktive hjemmetjenestevirksomheter utenfor samlem\xC3\xA5lgruppene."},
    {"Pure housing-base enterprises with one or two target groups.",
     "Rene boligbasevirksomheter med \xC3\xA9n eller to m\xC3\xA5lgrupper."},
    {"Pure ambulatory enterprises with one or two target groups.",
     "Rene ambulerende virksomheter med \xC3\xA9n eller to m\xC3\xA5lgrupper."},
    {"Active enterprises in the categories Kun boligbase, two or more home-service types, and "
     "combined with another service type.",
     "Aktive virksomheter i kategoriene Kun boligbase, To eller flere virksomhetstyper innen "
     "hjemmetjenesten og Hjemmetjeneste kombinert med annen tjenestetype."},
};

const char *hjtj__table_note(const hjtj_table *table, hjtj_lang lang)
{
    const char *id = hjtj_table_id(table);
    size_t i;
    if (id == NULL)
        return NULL;
    for (i = 0; i < sizeof notes / sizeof notes[0]; i++)
        if (strcmp(notes[i].id, id) == 0)
            return lang == HJTJ_LANG_EN ? notes[i].en : notes[i].nb;
    return "";
}

const char *hjtj__population_text(const hjtj_table *table, hjtj_lang lang)
{
    const char *en = hjtj_table_population(table);
    size_t i;
    if (en == NULL || lang == HJTJ_LANG_EN)
        return en ? en : "";
    for (i = 0; i < sizeof populations / sizeof populations[0]; i++)
        if (strcmp(populations[i].en, en) == 0)
            return populations[i].nb;
    return en; /* a sentence the list does not know: as written */
}
