/* labels.c — the column headings of the report's tables in Norwegian (as
 * printed, group and sub-heading joined: «Antall» over «Med admin.» is
 * «Antall med admin.») and English, the unit of each value column, the
 * population sentences in Norwegian, and the notes on the places where the
 * library's table differs from the printed one (KNOWN_ISSUES, section E).
 *
 * A table definition names its columns by their CSV code; hjtj__tb_col() looks
 * the labels up here when the definition gives none.  An entry with a table
 * id applies to that table only and wins over one without. */
#include "labels.h"

#include <string.h>

typedef struct col_entry {
    const char *table; /* NULL: every table */
    const char *code;
    const char *nb, *en;
    const char *unit_nb, *unit_en; /* NULL: from the cells (labels.h) */
} col_entry;

#define U_KOMMUNER "kommuner", "municipalities"
#define U_INNB "innbyggere", "inhabitants"
#define U_BOENH "boenheter", "housing units"
#define U_VIRKS "virksomheter", "enterprises"
#define U_MG "målgrupper", "target groups"
#define U_NONE NULL, NULL

static const col_entry cols[] = {
    /* stub columns */
    {NULL, "kommunestorrelse", "Kommunestørrelse", "Municipality size", U_NONE},
    {NULL, "virksomhetskategori", "Virksomhetskategori", "Enterprise category", U_NONE},
    {"3.2", "hovedvirksomhetstype", "Hovedvirksomhetstype", "Main enterprise type", U_NONE},
    {NULL, "populasjon", "Populasjon", "Population", U_NONE},
    {NULL, "malgruppe", "Målgruppe", "Target group", U_NONE},
    {NULL, "samlemalgruppe", "Samlemålgruppe", "Target-group cluster", U_NONE},
    {NULL, "virksomhetens_storrelse", "Virksomhetens størrelse", "Size of the enterprise",
     U_NONE},
    {NULL, "utveksling_av_personell", "Utveksling av personell", "Exchange of personnel",
     U_NONE},
    {NULL, "personellbistand", "Personellbistand", "Personnel assistance", U_NONE},
    {NULL, "kommunalt_samarbeid", "Samarbeid med andre kommuner",
     "Cooperation with other municipalities", U_NONE},
    {NULL, "salg_til_andre_kommuner_enn_lokaliseringskommunen",
     "Salg til andre kommuner enn lokaliseringskommunen",
     "Sales to municipalities other than the home municipality", U_NONE},
    {NULL, "row_label", "Virksomhetstype, rad", "Enterprise type, row", U_NONE},
    {NULL, "col_label", "Virksomhetstype, kolonne", "Enterprise type, column", U_NONE},
    {NULL, "value", "Antall virksomheter", "Enterprises", U_NONE},
    /* counts */
    {NULL, "antall", "Antall", "Number", U_NONE},
    {"3.18", "antall", "Antall virksomheter", "Enterprises", U_NONE},
    {NULL, "antall_virksomheter", "Antall virksomheter", "Number of enterprises", U_NONE},
    {NULL, "antall_kommuner", "Antall kommuner", "Number of municipalities", U_KOMMUNER},
    {"1.9", "innbyggere", "Antall innbyggere", "Inhabitants", U_INNB},
    {NULL, "innbyggere", "Innbyggere", "Inhabitants", U_INNB},
    {NULL, "antall_med_admin", "Antall med admin.", "Number with administration", U_NONE},
    {NULL, "antall_uten_admin", "Antall uten admin.", "Number without administration",
     U_NONE},
    {NULL, "antall_kommunale", "Antall kommunale", "Number municipal", U_NONE},
    {NULL, "antall_private", "Antall private", "Number private", U_NONE},
    {NULL, "totalt", "Totalt", "Total", U_NONE},
    {NULL, "sykehjem", "Sykehjem", "Nursing home", U_NONE},
    {NULL, "boligbase", "Boligbase", "Housing base", U_NONE},
    {NULL, "amb_hjtj", "Ambulerende hjemmetjeneste", "Ambulatory home service", U_NONE},
    {NULL, "annen", "Annen", "Other", U_NONE},
    {NULL, "dagsenter", "Dagsenter", "Day centre", U_NONE},
    {NULL, "barnebolig_avlastningsbolig", "Barnebolig/avlastningsbolig",
     "Children's home/respite home", U_NONE},
    {NULL, "kommuner", "Antall kommuner", "Municipalities", U_KOMMUNER},
    {NULL, "kommuner_totalt", "Kommuner totalt", "Municipalities, total", U_KOMMUNER},
    {NULL, "virksomheter_totalt", "Virksomheter totalt", "Enterprises, total", U_NONE},
    {NULL, "totalt_antall_virksomheter", "Totalt antall virksomheter",
     "Total number of enterprises", U_NONE},
    {NULL, "antall_en_malgruppe", "Antall med én målgruppe", "Number with one target group",
     U_NONE},
    {NULL, "antall_to_malgrupper", "Antall med to målgrupper",
     "Number with two target groups", U_NONE},
    {NULL, "antall_tre_eller_flere_malgrupper", "Antall med tre eller flere målgrupper",
     "Number with three or more target groups", U_NONE},
    {NULL, "antall_med_boenheter", "Antall med boenheter", "Number with housing units", U_NONE},
    {NULL, "antall_uten_boenheter", "Antall uten boenheter", "Number without housing units",
     U_NONE},
    {NULL, "boenheter", "Boenheter", "Housing units", U_BOENH},
    {NULL, "virksomheter", "Virksomheter", "Enterprises", U_VIRKS},
    {NULL, "antall_boenheter", "Antall boenheter", "Number of housing units", U_BOENH},
    {NULL, "boenheter_per_virksomhet_median", "Boenheter per virksomhet (median)",
     "Housing units per enterprise (median)", U_BOENH},
    {NULL, "utviklingshemning", "Utviklingshemning", "Intellectual disability", U_NONE},
    {NULL, "eldre_og_demens", "Eldre og demens", "Elderly and dementia", U_NONE},
    {NULL, "psykisk_og_rus", "Psykisk og rus", "Mental health and substance abuse", U_NONE},
    {NULL, "bevegelseshemning", "Bevegelseshemning", "Reduced mobility", U_NONE},
    {NULL, "utenfor_samlemalgruppene", "Utenfor samlemålgruppene",
     "Outside the target-group clusters", U_NONE},
    {NULL, "antall_malgrupper", "Antall målgrupper", "Number of target groups", U_MG},
    {NULL, "antall_avkryssede_malgrupper", "Antall avkryssede målgrupper",
     "Number of target groups marked", U_MG},
    /* shares */
    {NULL, "andel", "Andel (prosent)", "Share (per cent)", U_NONE},
    {NULL, "andel_kommuner", "Andel kommuner (prosent)", "Share of municipalities (per cent)",
     U_NONE},
    {NULL, "andel_innbyggere", "Andel innbyggere (prosent)", "Share of inhabitants (per cent)",
     U_NONE},
    {NULL, "andel_av_utgangspopulasjon", "Andel av utgangspopulasjonen (prosent)",
     "Share of the initial population (per cent)", U_NONE},
    {NULL, "andel_av_alle_i_drift", "Andel av alle i drift (prosent)",
     "Share of all in operation (per cent)", U_NONE},
    {NULL, "andel_av_alle", "Andel av alle (prosent)", "Share of all (per cent)", U_NONE},
    {NULL, "andel_med_admin", "Andel med admin. (prosent)",
     "Share with administration (per cent)", U_NONE},
    {NULL, "andel_uten_admin", "Andel uten admin. (prosent)",
     "Share without administration (per cent)", U_NONE},
    {NULL, "andel_kommunale", "Andel kommunale (prosent)", "Share municipal (per cent)",
     U_NONE},
    {NULL, "andel_private", "Andel private (prosent)", "Share private (per cent)", U_NONE},
    {NULL, "andel_boligbase", "Andel med boligbase (prosent)",
     "Share with housing base (per cent)", U_NONE},
    {NULL, "andel_amb_helsetjenester", "Andel med amb. helsetjenester (prosent)",
     "Share with ambulatory health services (per cent)", U_NONE},
    {NULL, "andel_amb_praktisk_bistand", "Andel med amb. praktisk bistand (prosent)",
     "Share with ambulatory practical assistance (per cent)", U_NONE},
    {NULL, "andel_kun_boligbase", "Andel kun boligbase (prosent)",
     "Share housing base only (per cent)", U_NONE},
    {NULL, "andel_kun_amb_helsetjenester", "Andel kun amb. helsetjenester (prosent)",
     "Share ambulatory health services only (per cent)", U_NONE},
    {NULL, "andel_kun_amb_praktisk_bistand", "Andel kun amb. praktisk bistand (prosent)",
     "Share ambulatory practical assistance only (per cent)", U_NONE},
    {NULL, "andel_kun_amb_helsetjenester_og_praktisk_bistand",
     "Andel kun amb. helsetjenester og praktisk bistand (prosent)",
     "Share ambulatory health services and practical assistance only (per cent)", U_NONE},
    {NULL, "andel_kun_bpa", "Andel kun BPA (prosent)", "Share BPA only (per cent)", U_NONE},
    {NULL, "andel_enetiltak", "Andel enetiltak (prosent)",
     "Share single-user arrangements (per cent)", U_NONE},
    {NULL, "andel_kun_hjtj_2pluss_virksomhetstyper",
     "Andel kun hjemmetjeneste, to eller flere virksomhetstyper (prosent)",
     "Share home services only, two or more enterprise types (per cent)", U_NONE},
    {NULL, "andel_hjemmetjeneste_kombinert_med_annen_tjenestetype",
     "Andel hjemmetjeneste kombinert med annen tjenestetype (prosent)",
     "Share home services combined with another service type (per cent)", U_NONE},
    {NULL, "andel_administrasjon_og_service_mv", "Andel administrasjon og service mv. (prosent)",
     "Share administration and service etc. (per cent)", U_NONE},
    {NULL, "andel_en_malgruppe", "Andel med én målgruppe (prosent)",
     "Share with one target group (per cent)", U_NONE},
    {NULL, "andel_to_malgrupper", "Andel med to målgrupper (prosent)",
     "Share with two target groups (per cent)", U_NONE},
    {NULL, "andel_tre_eller_flere_malgrupper", "Andel med tre eller flere målgrupper (prosent)",
     "Share with three or more target groups (per cent)", U_NONE},
    {NULL, "andel_utviklingshemning_mv", "Andel utviklingshemning mv. (prosent)",
     "Share intellectual disability etc. (per cent)", U_NONE},
    {NULL, "andel_eldre_og_eller_demens", "Andel eldre og/eller demens (prosent)",
     "Share elderly and/or dementia (per cent)", U_NONE},
    {NULL, "andel_psykisk_og_eller_rus", "Andel psykisk og/eller rus (prosent)",
     "Share mental health and/or substance abuse (per cent)", U_NONE},
    {NULL, "andel_bevegelseshemning", "Andel bevegelseshemning (prosent)",
     "Share reduced mobility (per cent)", U_NONE},
    {NULL, "andel_utenfor_samlemalgruppene", "Andel utenfor samlemålgruppene (prosent)",
     "Share outside the target-group clusters (per cent)", U_NONE},
    {NULL, "andel_demens", "Andel demens (prosent)", "Share dementia (per cent)", U_NONE},
    {NULL, "andel_bevegelseshemning_0_66", "Andel bevegelseshemning 0–66 (prosent)",
     "Share reduced mobility 0–66 (per cent)", U_NONE},
    {NULL, "andel_bevegelseshemning_67pluss", "Andel bevegelseshemning 67+ (prosent)",
     "Share reduced mobility 67+ (per cent)", U_NONE},
    {NULL, "andel_psykiske_lidelser", "Andel psykiske lidelser (prosent)",
     "Share mental disorders (per cent)", U_NONE},
    {NULL, "andel_rusproblemer", "Andel rusproblemer (prosent)",
     "Share substance abuse (per cent)", U_NONE},
    {NULL, "andel_ingen_malgruppe", "Andel ingen målgruppe (prosent)",
     "Share no target group (per cent)", U_NONE},
    {NULL, "andel_annen_malgruppe", "Andel annen målgruppe (prosent)",
     "Share other target group (per cent)", U_NONE},
    {NULL, "andel_med_boenheter", "Andel med boenheter (prosent)",
     "Share with housing units (per cent)", U_NONE},
    {NULL, "andel_uten_boenheter", "Andel uten boenheter (prosent)",
     "Share without housing units (per cent)", U_NONE},
    {NULL, "andel_virksomheter", "Andel virksomheter (prosent)",
     "Share of enterprises (per cent)", U_NONE},
    {NULL, "andel_boenheter", "Andel boenheter (prosent)", "Share of housing units (per cent)",
     U_NONE},
};

/* The pair tables' stubs name målgrupper, not virksomhetstyper. */
static int pair_table_of_malgrupper(const char *table)
{
    return table != NULL && table[0] == '4';
}

static const col_entry *find_col(const char *table, const char *code)
{
    const col_entry *any = NULL;
    size_t i;
    if (code == NULL)
        return NULL;
    for (i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        if (strcmp(cols[i].code, code) != 0)
            continue;
        if (cols[i].table == NULL) {
            if (any == NULL)
                any = &cols[i];
        } else if (table != NULL && strcmp(cols[i].table, table) == 0) {
            return &cols[i];
        }
    }
    return any;
}

void hjtj__col_labels(const char *table, const char *code, const char **nb, const char **en,
                      const char **unit_nb, const char **unit_en)
{
    const col_entry *e = find_col(table, code);
    *nb = *en = *unit_nb = *unit_en = NULL;
    if (e == NULL)
        return;
    *nb = e->nb;
    *en = e->en;
    *unit_nb = e->unit_nb;
    *unit_en = e->unit_en;
    if (pair_table_of_malgrupper(table) && strcmp(code, "row_label") == 0) {
        *nb = "Målgruppe, rad";
        *en = "Target group, row";
    }
    if (pair_table_of_malgrupper(table) && strcmp(code, "col_label") == 0) {
        *nb = "Målgruppe, kolonne";
        *en = "Target group, column";
    }
    if (pair_table_of_malgrupper(table) && strcmp(code, "value") == 0 &&
        (strcmp(table, "4.5") == 0 || strcmp(table, "4.13") == 0 ||
         strcmp(table, "4.15") == 0)) {
        *nb = "Andel (prosent)";
        *en = "Share (per cent)";
    }
}

/* ---- table notes ---- */

typedef struct table_note {
    const char *table;
    const char *population_nb; /* NULL: see below */
    const char *note_nb, *note_en;
} table_note;

#define P_ALL "Alle aktive hjemmetjenestevirksomheter (status aktiv, ikke utenfor hjemmetjenesten)."
#define P_BOLIG "Aktive hjemmetjenestevirksomheter i kategorien Kun boligbase."
#define P_AMB "Aktive hjemmetjenestevirksomheter i de tre kategoriene kun ambulerende virksomhet."
#define P_KOMM "Kommunale aktive hjemmetjenestevirksomheter, enetiltak unntatt."
#define P_BOTILBUD "Aktive hjemmetjenestevirksomheter med boligbase og minst to boenheter."
#define P_KOMMUNER "Alle kommunene i kommunetabellen."
#define P_ALLE "Alle innleste virksomheter, uansett status."

static const table_note notes[] = {
    {"1.9", "Alle kommunene i kommunetabellen, etter kommunestørrelse.", NULL, NULL},
    {"1.10", "ASSS-kommunene i kommunetabellen.", NULL, NULL},
    {"2.2", P_ALLE, NULL, NULL},
    {"2.3", P_ALLE,
     "Andelen endelig populasjon er 3611/4067 = 88,8 prosent av utgangspopulasjonen; rapporten "
     "trykker 88,9 (en andel av de innrapporterte).",
     "The final population's share is 3611/4067 = 88.8 per cent of the initial population; the "
     "report prints 88.9 (a share of the respondents)."},
    {"3.2", P_ALL, NULL, NULL},
    {"3.3", "Aktive virksomheter med rene brukerrettede hjemmetjenester som hovedvirksomhetstype.",
     NULL, NULL},
    {"3.4", "Rene brukerrettede virksomheter med én eller to hjemmetjenestetyper.", NULL, NULL},
    {"3.5", P_ALL, NULL, NULL},
    {"3.6", "Aktive virksomheter som kombinerer hjemmetjeneste med annen tjenestetype.", NULL,
     NULL},
    {"3.7", "Aktive virksomheter som kombinerer hjemmetjeneste med annen tjenestetype.", NULL,
     NULL},
    {"3.8", "Aktive virksomheter med administrasjon mv. som hovedvirksomhetstype.", NULL, NULL},
    {"3.9", "Alle aktive hjemmetjenestevirksomheter unntatt enetiltak.", NULL, NULL},
    {"3.10", P_ALL, NULL, NULL},
    {"3.11", P_KOMM, NULL, NULL},
    {"3.12", "Kommunale virksomheter (enetiltak unntatt) som utveksler personell.", NULL, NULL},
    {"3.13",
     "Kommunale virksomheter (enetiltak unntatt) som utveksler personell; andeler av alle aktive "
     "virksomheter i hver kategori.",
     "Som i rapporten er hver andel kategoriens virksomheter med utveksling delt på alle aktive "
     "virksomheter i kategorien (kommunale og private), og Totalt på hele populasjonen.",
     "As printed in the report, each share divides the category's enterprises with exchange by "
     "all active enterprises of the category (municipal and private), and Total by the whole "
     "population."},
    {"3.14", "Kommunale virksomheter (enetiltak unntatt) som mottar personell.", NULL, NULL},
    {"3.15", "Kommunale virksomheter (enetiltak unntatt) som leverer personell.", NULL, NULL},
    {"3.16", P_KOMM, NULL, NULL},
    {"3.17", "Private aktive hjemmetjenestevirksomheter, enetiltak unntatt.", NULL, NULL},
    {"3.18", P_ALL, NULL, NULL},
    {"3.19", P_KOMMUNER, NULL, NULL},
    {"3.20", P_KOMMUNER, NULL, NULL},
    {"3.21", P_BOLIG, NULL, NULL},
    {"3.22", P_AMB, NULL, NULL},
    {"3.23", P_ALL, NULL, NULL},
    {"4.3", P_ALL, NULL, NULL},
    {"4.4", "Aktive hjemmetjenestevirksomheter med én eller to målgrupper.", NULL, NULL},
    {"4.5", P_ALL, NULL, NULL},
    {"4.6", P_ALL, NULL, NULL},
    {"4.7", "Aktive hjemmetjenestevirksomheter utenfor samlemålgruppene.", NULL, NULL},
    {"4.8", P_ALL, "N = 3611: tabellen omfatter alle virksomhetene (rapportens tittel trykker N=3470).",
     "N = 3611: the table covers every enterprise (the report's title prints N=3470)."},
    {"4.9", P_ALL, NULL, NULL},
    {"4.10", P_BOLIG, NULL, NULL},
    {"4.11", P_AMB, NULL, NULL},
    {"4.12", "Rene boligbasevirksomheter med én eller to målgrupper.", NULL, NULL},
    {"4.13", P_BOLIG, NULL, NULL},
    {"4.14", "Rene ambulerende virksomheter med én eller to målgrupper.", NULL, NULL},
    {"4.15", P_AMB, NULL, NULL},
    {"4.16", P_BOLIG, NULL, NULL},
    {"4.17", P_AMB, NULL, NULL},
    {"4.18", P_AMB, NULL, NULL},
    {"4.19", P_BOLIG, NULL, NULL},
    {"4.20", P_AMB,
     "5 000–9 999, Eldre og/eller demens er 17/80 = 21,25, avrundet opp til 21,3 (rapporten "
     "trykker 21,2).",
     "5 000–9 999, Elderly and/or dementia is 17/80 = 21.25, rounded half up to 21.3 (the report "
     "prints 21.2)."},
    {"4.21", P_BOLIG,
     "Hver andel står under sin riktige overskrift; i rapporten er kolonnene Ingen målgruppe og "
     "Annen målgruppe byttet om.",
     "Each share stands under its right heading; the report has the columns No target group and "
     "Other target group swapped."},
    {"4.22", P_AMB,
     "Hver andel står under sin riktige overskrift; i rapporten er kolonnene Ingen målgruppe og "
     "Annen målgruppe byttet om.",
     "Each share stands under its right heading; the report has the columns No target group and "
     "Other target group swapped."},
    {"4.23", P_ALL,
     "Kategoriene følger reglene i kapittel 3 (527 kombinert, 57 administrasjon); rapporten "
     "trykker 529 og 55.",
     "The categories follow the rules of chapter 3 (527 combined, 57 administration); the report "
     "prints 529 and 55."},
    {"5.1",
     "Aktive virksomheter i kategoriene Kun boligbase, to eller flere hjemmetjenestetyper og "
     "kombinert med annen tjenestetype.",
     "Kun boligbase uten boenheter er 28 (rapporten trykker 281).",
     "Housing base only without housing units is 28 (the report prints 281)."},
    {"5.2", P_BOTILBUD, NULL, NULL},
    {"5.3", P_BOTILBUD, NULL, NULL},
    {"5.4", P_BOTILBUD, NULL, NULL},
    {"5.5", P_BOTILBUD, NULL, NULL},
    {"5.6", P_BOTILBUD, NULL, NULL},
    {"C1", P_ALL, NULL, NULL},
};

static const table_note *find_note(const char *table)
{
    size_t i;
    if (table == NULL)
        return NULL;
    for (i = 0; i < sizeof notes / sizeof notes[0]; i++)
        if (strcmp(notes[i].table, table) == 0)
            return &notes[i];
    return NULL;
}

const char *hjtj__table_population_nb(const char *table)
{
    const table_note *n = find_note(table);
    return n ? n->population_nb : NULL;
}

const char *hjtj__table_deviation(const char *table, hjtj_lang lang)
{
    const table_note *n = find_note(table);
    if (n == NULL)
        return NULL;
    return lang == HJTJ_LANG_EN ? n->note_en : n->note_nb;
}
