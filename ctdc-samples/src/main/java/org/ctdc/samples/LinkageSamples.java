package org.ctdc.samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of two or three partner extracts of invented people with a known overlap, for testing and
 * measuring record linkage. Each extract is a CSV text with the columns {@code record_id, given_name,
 * family_name, date_of_birth, sex}; the truth lists every pair of records (of two extracts) that stand for one
 * person. The same arguments always give the same extracts, byte for byte.
 *
 * <p>People are drawn from three naming traditions: Latin-script names; Russian and Ukrainian names, written in
 * Cyrillic script by some partners and in several Latin transliterations by others ({@code Сергей}, {@code Sergei},
 * {@code Sergey}, {@code Serguei}); Arabic names in several Latin spellings ({@code Mohammed}, {@code Muhammad},
 * {@code Mohamed}). Every extract writes a person's name in a spelling it draws itself, and then corrupts the
 * record as the {@link Corruption} says: a typo (one letter substituted, dropped, doubled or two letters
 * transposed), given and family name swapped, a field left blank, day and month swapped, or only an estimated
 * birth year (off by up to two years). The first extract writes dates as ISO {@code yyyy-mm-dd}, the others as
 * {@code dd/mm/yyyy}.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class LinkageSamples {

  /** The header of every extract. */
  public static final List<String> HEADER = List.of("record_id", "given_name", "family_name", "date_of_birth", "sex");

  private LinkageSamples() {}

  /**
   * How often each corruption happens to a record, each drawn independently.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param typo a typo in the given or the family name
   * @param swap given and family name swapped
   * @param missing each of the four fields left blank (each drawn on its own)
   * @param dayMonthSwap day and month of the birth date swapped (when the day is at most 12)
   * @param estimatedYear only an estimated birth year, off by up to two years
   */
  public record Corruption(double typo, double swap, double missing, double dayMonthSwap, double estimatedYear) {
    /** Validates: every share lies in [0, 1]. */
    public Corruption {
      for (double d : new double[] {typo, swap, missing, dayMonthSwap, estimatedYear}) {
        if (!(d >= 0 && d <= 1)) {
          throw new IllegalArgumentException("a corruption share must lie in [0, 1], is " + d);
        }
      }
    }

    /** @return the default: typo 0.1, swap 0.05, missing 0.02, day/month swap 0.05, estimated year 0.05 */
    public static Corruption defaults() {
      return new Corruption(0.1, 0.05, 0.02, 0.05, 0.05);
    }

    /** @return no corruption (transliteration variants and date formats still differ) */
    public static Corruption none() {
      return new Corruption(0, 0, 0, 0, 0);
    }
  }

  /**
   * One partner's extract.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param name the extract's name ({@code partner-a}, {@code partner-b}, {@code partner-c})
   * @param csv the CSV text with {@link #HEADER}, lines ending in {@code \n}
   * @param rows the number of data rows
   */
  public record Extract(String name, String csv, int rows) {
    /** Validates. */
    public Extract {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(csv, "csv");
    }
  }

  /**
   * A record of the truth: two records of two extracts that stand for the same person.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param extractA the first extract's name (the earlier one)
   * @param idA the record id there
   * @param extractB the second extract's name
   * @param idB the record id there
   */
  public record TruePair(String extractA, String idA, String extractB, String idB) {}

  /**
   * Generated extracts with their truth.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param extracts the extracts
   * @param truth every pair of records of one person in two extracts
   * @param people the number of people behind the extracts
   */
  public record Linkage(List<Extract> extracts, List<TruePair> truth, int people) {
    /** Copies. */
    public Linkage {
      extracts = List.copyOf(extracts);
      truth = List.copyOf(truth);
    }
  }

  /** A person: the spellings of the given and family name each extract chooses from, and the birth date. */
  private record Person(int tradition, String[] given, String[] family, int year, int month, int day, boolean female) {}

  /**
   * Generates extracts.
   *
   * @param seed the seed
   * @param parties 2 or 3
   * @param people the number of people, at least 1
   * @param overlap the share of people recorded by more than one extract (in [0, 1]); with three extracts an
   *     overlapping person is in two or in all three
   * @param corruption the corruption
   * @return the extracts and their truth
   */
  public static Linkage generate(long seed, int parties, int people, double overlap, Corruption corruption) {
    if (parties < 2 || parties > 3) {
      throw new IllegalArgumentException("parties must be 2 or 3, is " + parties);
    }
    if (people < 1) {
      throw new IllegalArgumentException("people must be at least 1, is " + people);
    }
    if (!(overlap >= 0 && overlap <= 1)) {
      throw new IllegalArgumentException("overlap must lie in [0, 1], is " + overlap);
    }
    Objects.requireNonNull(corruption, "corruption");
    SplittableRandom rnd = new SplittableRandom(seed);
    List<List<int[]>> members = new ArrayList<>(); // per extract: {person, id}
    for (int p = 0; p < parties; p++) {
      members.add(new ArrayList<>());
    }
    List<Person> persons = new ArrayList<>();
    List<int[]> subsets = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      int t = rnd.nextInt(10) < 6 ? 0 : rnd.nextBoolean() ? 1 : 2;
      boolean female = rnd.nextBoolean();
      int year = rnd.nextInt(10) < 7 ? 1975 + rnd.nextInt(37) : 1940 + rnd.nextInt(35);
      int month = 1 + rnd.nextInt(12);
      int day = 1 + rnd.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
      Person person = switch (t) {
        case 0 -> new Person(0, new String[] {latinGiven(rnd, female)}, new String[] {latinFamily(rnd)}, year, month,
            day, female);
        case 1 -> new Person(1, NameSpellings.cyrillic(pick(rnd, female ? SLAVIC_F : SLAVIC_M)),
            NameSpellings.cyrillic(slavicFamily(rnd, female)), year, month, day, female);
        default -> new Person(2, NameSpellings.arabic(pick(rnd, female ? ARABIC_F : ARABIC_M)),
            NameSpellings.arabicFamily(rnd.nextInt(5) < 2 ? pick(rnd, ARABIC_M) : pick(rnd, ARABIC_FAMILY),
                rnd.nextInt(3)), year, month, day, female);
      };
      persons.add(person);
      int[] in;
      if (rnd.nextDouble() < overlap) {
        in = parties == 2 || rnd.nextInt(3) == 0 ? allOf(parties) : twoOf(rnd, parties);
      } else {
        in = new int[] {rnd.nextInt(parties)};
      }
      subsets.add(in);
    }
    // record ids: a random permutation of numbers per extract, so ids say nothing about the overlap
    List<List<Integer>> idPools = new ArrayList<>();
    for (int p = 0; p < parties; p++) {
      idPools.add(new ArrayList<>());
    }
    for (int i = 0; i < people; i++) {
      for (int p : subsets.get(i)) {
        members.get(p).add(new int[] {i, 0});
      }
    }
    List<Extract> extracts = new ArrayList<>();
    String[][] ids = new String[parties][people];
    for (int p = 0; p < parties; p++) {
      List<int[]> m = members.get(p);
      List<Integer> numbers = new ArrayList<>();
      for (int k = 0; k < m.size(); k++) {
        numbers.add(100000 + k);
      }
      Collections.shuffle(numbers, new java.util.Random(rnd.nextLong()));
      shuffle(m, rnd);
      StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
      char letter = (char) ('A' + p);
      for (int k = 0; k < m.size(); k++) {
        int person = m.get(k)[0];
        String id = letter + "-" + numbers.get(k);
        ids[p][person] = id;
        sb.append(id).append(',').append(render(persons.get(person), p, rnd, corruption)).append('\n');
      }
      extracts.add(new Extract("partner-" + Character.toLowerCase(letter), sb.toString(), m.size()));
    }
    List<TruePair> truth = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      int[] in = subsets.get(i);
      for (int x = 0; x < in.length; x++) {
        for (int y = x + 1; y < in.length; y++) {
          truth.add(new TruePair(extracts.get(in[x]).name(), ids[in[x]][i], extracts.get(in[y]).name(), ids[in[y]][i]));
        }
      }
    }
    return new Linkage(extracts, truth, people);
  }

  private static int[] allOf(int parties) {
    return parties == 2 ? new int[] {0, 1} : new int[] {0, 1, 2};
  }

  private static int[] twoOf(SplittableRandom rnd, int parties) {
    int left = rnd.nextInt(parties);
    int[] r = new int[2];
    int k = 0;
    for (int p = 0; p < parties; p++) {
      if (p != left) {
        r[k++] = p;
      }
    }
    return r;
  }

  private static <T> void shuffle(List<T> l, SplittableRandom rnd) {
    for (int i = l.size() - 1; i > 0; i--) {
      Collections.swap(l, i, rnd.nextInt(i + 1));
    }
  }

  private static String render(Person p, int party, SplittableRandom rnd, Corruption c) {
    // Cyrillic script (spelling 0 of a Russian or Ukrainian name) is written by the second extract only, the others
    // pick a Latin spelling
    String given = spelling(p.given(), p.tradition(), party, rnd);
    String family = spelling(p.family(), p.tradition(), party, rnd);
    if (rnd.nextDouble() < c.typo()) {
      if (rnd.nextBoolean()) {
        given = typo(given, rnd);
      } else {
        family = typo(family, rnd);
      }
    }
    if (rnd.nextDouble() < c.swap()) {
      String t = given;
      given = family;
      family = t;
    }
    int day = p.day();
    int month = p.month();
    if (rnd.nextDouble() < c.dayMonthSwap() && day <= 12) {
      int t = day;
      day = month;
      month = t;
    }
    String dob;
    if (rnd.nextDouble() < c.estimatedYear()) {
      dob = Integer.toString(p.year() + rnd.nextInt(5) - 2);
    } else if (party == 0) {
      dob = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", p.year(), month, day);
    } else {
      dob = String.format(java.util.Locale.ROOT, "%02d/%02d/%04d", day, month, p.year());
    }
    String sex = party == 0 ? (p.female() ? "F" : "M") : (p.female() ? "female" : "male");
    String[] f = {given, family, dob, sex};
    for (int i = 0; i < f.length; i++) {
      if (rnd.nextDouble() < c.missing()) {
        f[i] = "";
      }
    }
    return String.join(",", f);
  }

  private static String spelling(String[] variants, int tradition, int party, SplittableRandom rnd) {
    if (tradition == 1) {
      if (party == 1) {
        return variants[0];
      }
      return variants[1 + rnd.nextInt(variants.length - 1)];
    }
    return variants[rnd.nextInt(variants.length)];
  }

  private static String pick(SplittableRandom rnd, String[] pool) {
    return pool[rnd.nextInt(pool.length)];
  }

  /** One given name, sometimes two ({@code Maria Jose}, {@code Jean Pierre}). */
  private static String latinGiven(SplittableRandom rnd, boolean female) {
    String[] pool = female ? LATIN_F : LATIN_M;
    String g = pick(rnd, pool);
    if (rnd.nextInt(100) < 15) {
      String second = pick(rnd, pool);
      if (!second.equals(g)) {
        g = g + " " + second;
      }
    }
    return g;
  }

  /** Half the Latin-script people carry two family names (Spanish and Portuguese usage), the others one. */
  private static String latinFamily(SplittableRandom rnd) {
    if (rnd.nextBoolean()) {
      String a = pick(rnd, IBERIAN_FAMILY);
      String b = pick(rnd, IBERIAN_FAMILY);
      return a.equals(b) ? a : a + " " + b;
    }
    return pick(rnd, OTHER_FAMILY);
  }

  /** A Russian or Ukrainian family name in Cyrillic: a stem and a suffix, the feminine form for women. */
  private static String slavicFamily(SplittableRandom rnd, boolean female) {
    String stem = pick(rnd, SLAVIC_STEMS);
    String suffix = SLAVIC_SUFFIXES[rnd.nextInt(SLAVIC_SUFFIXES.length)];
    if (female) {
      suffix = switch (suffix) {
        case "ов", "ин", "ев" -> suffix + "а";
        case "ский" -> "ская";
        default -> suffix;
      };
    }
    return stem + suffix;
  }

  private static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 3) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 2);
    char c = (char) ('a' + rnd.nextInt(26));
    StringBuilder b = new StringBuilder(s);
    switch (rnd.nextInt(4)) {
      case 0 -> b.setCharAt(i, c);
      case 1 -> b.deleteCharAt(i);
      case 2 -> b.insert(i, b.charAt(i));
      default -> {
        char t = b.charAt(i);
        b.setCharAt(i, b.charAt(i - 1));
        b.setCharAt(i - 1, t);
      }
    }
    return b.toString();
  }

  /** Latin-script given names of women. */
  private static final String[] LATIN_F = {
    "Maria", "Ana", "Sofia", "Isabel", "Lucia", "Elena", "Carmen", "Rosa", "Julia", "Laura", "Marta", "Paula", "Sara",
    "Andrea", "Clara", "Teresa", "Beatriz", "Camila", "Valentina", "Daniela", "Gabriela", "Mariana", "Fernanda",
    "Adriana", "Patricia", "Monica", "Silvia", "Veronica", "Lorena", "Natalia", "Jennifer", "Emily", "Jessica",
    "Ashley", "Amanda", "Sarah", "Grace", "Joy", "Blessing", "Esther", "Ruth", "Mercy", "Faith", "Chloe", "Amelie",
    "Manon", "Ines", "Juliette", "Agnieszka", "Katarzyna", "Ioana", "Andreea", "Mihaela", "Alejandra", "Guadalupe",
    "Yesenia", "Maribel", "Rocio", "Pilar", "Consuelo", "Dolores", "Graciela", "Leticia", "Marisol", "Esperanza",
    "Luz", "Alicia", "Josefina", "Margarita", "Rebeca", "Abigail", "Jazmin", "Ximena", "Renata", "Florencia",
    "Agustina", "Milagros", "Fabiola", "Karina", "Yolanda", "Francisca", "Antonia", "Juliana", "Larissa", "Bruna",
    "Leticia", "Thais", "Vitoria", "Raquel", "Tatiana", "Precious", "Chiamaka", "Ngozi", "Adaeze", "Abena", "Akosua",
    "Efua", "Aminata", "Fatoumata", "Mariama", "Aissatou", "Nadege", "Brigitte", "Sylvie", "Colette", "Marguerite",
    "Elodie", "Stephanie", "Nicole", "Samantha", "Kimberly", "Michelle", "Melissa", "Rachel", "Rebecca", "Hannah",
    "Olivia", "Emma", "Charlotte", "Megan", "Lauren", "Danielle", "Brittany", "Tiffany", "Linh", "Thao", "Huong",
    "Mai", "Lan", "Anh", "Ngoc", "Trang", "Hoa", "Dorota", "Malgorzata", "Ewa", "Joanna", "Magdalena", "Beata",
    "Elzbieta", "Roxana", "Cristina", "Alina", "Simona"};
  /** Latin-script given names of men. */
  private static final String[] LATIN_M = {
    "Jose", "Juan", "Carlos", "Luis", "Miguel", "Jorge", "Pedro", "Pablo", "Diego", "Andres", "Javier", "Rafael",
    "Fernando", "Ricardo", "Eduardo", "Roberto", "Alejandro", "Sergio", "Manuel", "Antonio", "Francisco", "Mateo",
    "Santiago", "Nicolas", "Gabriel", "Daniel", "David", "Michael", "James", "John", "Robert", "William", "Joseph",
    "Thomas", "Emmanuel", "Samuel", "Chinedu", "Kwame", "Kofi", "Tunde", "Pierre", "Jean", "Louis", "Hugo", "Piotr",
    "Tomasz", "Andrei", "Mihai", "Bogdan", "Minh", "Tuan", "Alberto", "Arturo", "Enrique", "Ernesto", "Gustavo",
    "Hector", "Ignacio", "Jaime", "Joaquin", "Julio", "Leonardo", "Marco", "Mario", "Martin", "Oscar", "Ramon",
    "Raul", "Rodrigo", "Ruben", "Salvador", "Sebastian", "Tomas", "Victor", "Alfredo", "Armando", "Cesar", "Emilio",
    "Felipe", "Gerardo", "Guillermo", "Hugo", "Lorenzo", "Mauricio", "Osvaldo", "Rogelio", "Agustin", "Benjamin",
    "Joao", "Paulo", "Thiago", "Lucas", "Matheus", "Rafael", "Gustavo", "Felipe", "Bruno", "Leandro", "Anderson",
    "Wesley", "Olumide", "Babajide", "Chukwuemeka", "Ikechukwu", "Obinna", "Yaw", "Kwabena", "Kojo", "Mamadou",
    "Ousmane", "Ibrahima", "Moussa", "Cheikh", "Abdoulaye", "Etienne", "Francois", "Laurent", "Philippe", "Nicolas",
    "Olivier", "Christophe", "Thierry", "Mathieu", "Benoit", "Anthony", "Christopher", "Matthew", "Andrew", "Joshua",
    "Kevin", "Brian", "Justin", "Brandon", "Ryan", "Tyler", "Jason", "Eric", "Steven", "Kenneth", "Duc", "Hung",
    "Long", "Quang", "Thanh", "Dung", "Krzysztof", "Pawel", "Marcin", "Grzegorz", "Michal", "Jakub", "Adrian",
    "Florin", "Cristian", "Marius", "Razvan", "Ionut", "Catalin"};
  /** Spanish and Portuguese family names (two per person, in the Iberian way). */
  private static final String[] IBERIAN_FAMILY = {
    "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres",
    "Flores", "Rivera", "Gomez", "Diaz", "Cruz", "Morales", "Reyes", "Gutierrez", "Ortiz", "Jimenez", "Ruiz",
    "Alvarez", "Mendoza", "Castillo", "Vargas", "Romero", "Herrera", "Medina", "Aguilar", "Castro", "Silva", "Santos",
    "Oliveira", "Souza", "Pereira", "Costa", "Almeida", "Carvalho", "Ferreira", "Rocha", "Mendes", "Barbosa",
    "Ribeiro", "Moreira", "Navarro", "Dominguez", "Vasquez", "Ramos", "Rojas", "Salazar", "Fuentes", "Cabrera",
    "Guerrero", "Molina", "Campos", "Delgado", "Vega", "Soto", "Contreras", "Pena", "Sandoval", "Guzman", "Espinoza",
    "Acosta", "Figueroa", "Valencia", "Cardenas", "Estrada", "Maldonado", "Ibarra", "Nunez", "Orozco", "Pacheco",
    "Quintero", "Rosales", "Serrano", "Trujillo", "Velasquez", "Zamora", "Benitez", "Cordero", "Escobar", "Galindo",
    "Lara", "Luna", "Marquez", "Meza", "Miranda", "Ochoa", "Padilla", "Ponce", "Solis", "Villanueva", "Araujo",
    "Cavalcanti", "Nascimento", "Lima", "Gomes", "Martins", "Teixeira", "Correia", "Pinto", "Cardoso", "Monteiro",
    "Fonseca", "Machado"};
  /** Family names of English, West African, French, Polish, Romanian and Vietnamese usage. */
  private static final String[] OTHER_FAMILY = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
    "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen",
    "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts",
    "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
    "Rogers", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Richardson", "Cox", "Ward",
    "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Okafor",
    "Okeke", "Adeyemi", "Mensah", "Owusu", "Boateng", "Nwosu", "Eze", "Okonkwo", "Chukwu", "Obi", "Adebayo",
    "Olawale", "Babatunde", "Asante", "Appiah", "Osei", "Agyeman", "Diallo", "Traore", "Keita", "Coulibaly", "Toure",
    "Camara", "Sylla", "Ndiaye", "Diop", "Fall", "Sow", "Dubois", "Moreau", "Laurent", "Lefebvre", "Fontaine",
    "Bernard", "Petit", "Durand", "Leroy", "Girard", "Bonnet", "Lambert", "Rousseau", "Vincent", "Mercier", "Blanc",
    "Guerin", "Kowalski", "Nowak", "Wisniewski", "Wojcik", "Kowalczyk", "Kaminski", "Lewandowski", "Zielinski",
    "Szymanski", "Wozniak", "Dabrowski", "Popescu", "Ionescu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Matei",
    "Constantin", "Tran", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Nguyen", "Le",
    "Phan", "Vo", "Truong", "Dinh", "Mai", "Cao", "Lam"};
  /** Russian and Ukrainian given names of women, in Cyrillic. */
  private static final String[] SLAVIC_F = {
    "Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана", "Юлия", "Екатерина", "Оксана",
    "Людмила", "Галина", "Ксения", "Дарья", "Алёна", "Виктория", "Валентина", "Анастасия", "Евгения", "Марина",
    "Надежда", "Вера", "Любовь", "Лариса", "Тамара", "Нина", "Зоя", "Алла", "Жанна", "Полина", "Кристина", "Вероника",
    "Яна", "Алина", "Диана", "Маргарита", "Софья", "Ульяна", "Лилия", "Раиса", "Зинаида", "Инна", "Снежана",
    "Богдана", "Олеся", "Христина", "Мирослава"};
  /** Russian and Ukrainian given names of men, in Cyrillic. */
  private static final String[] SLAVIC_M = {
    "Сергей", "Алексей", "Дмитрий", "Андрей", "Николай", "Юрий", "Иван", "Михаил", "Владимир", "Евгений", "Олег",
    "Виктор", "Павел", "Артём", "Максим", "Григорий", "Фёдор", "Александр", "Борис", "Вадим", "Валерий", "Василий",
    "Виталий", "Вячеслав", "Геннадий", "Денис", "Егор", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Никита",
    "Роман", "Руслан", "Станислав", "Степан", "Тарас", "Тимофей", "Богдан", "Ярослав", "Анатолий", "Аркадий",
    "Эдуард", "Глеб", "Матвей", "Семён", "Захар"};
  /** Stems of Russian and Ukrainian family names, in Cyrillic. */
  private static final String[] SLAVIC_STEMS = {
    "Иван", "Смирн", "Кузнец", "Поп", "Васил", "Петр", "Сокол", "Михайл", "Новик", "Фёдор", "Мороз", "Волк", "Лебед",
    "Семён", "Егор", "Павл", "Козл", "Степан", "Никол", "Макар", "Захар", "Зайц", "Борис", "Яков", "Роман", "Шевч",
    "Бондар", "Ковал", "Ткач", "Кравч", "Гончар", "Кушнир", "Литвин", "Карп", "Тарас", "Сидор", "Гус", "Бел",
    "Чорн", "Мельнич", "Савч", "Марч", "Рудн", "Лысенк", "Кирил", "Тимош", "Остап", "Прокоп", "Ефим", "Журав",
    "Ворон", "Голуб", "Медвед", "Орл", "Комар", "Жук", "Щерб", "Шапош", "Калин", "Малин", "Вишн", "Дуб", "Берез",
    "Клим", "Лукаш", "Демч", "Харч", "Пономар", "Скворц", "Грач", "Щук", "Ерш", "Карас", "Поляк", "Кравец",
    "Плотник", "Мирон"};
  /** Suffixes of Russian and Ukrainian family names (the first three take the feminine ending). */
  private static final String[] SLAVIC_SUFFIXES = {"ов", "ин", "ский", "енко", "ук", "чук", "ович"};
  /** Arabic given names of men, each with its Latin spellings separated by |. */
  private static final String[] ARABIC_M = {
    "Mohammed|Muhammad|Mohamed|Mohamad|Mohammad", "Ahmed|Ahmad|Ahmet", "Mahmoud|Mahmud|Mahmood",
    "Mustafa|Mostafa|Moustafa", "Youssef|Yusuf|Yousef|Youcef", "Hussein|Hussain|Husayn|Hossein", "Hassan|Hasan",
    "Ali|Aly", "Omar|Umar|Omer", "Khaled|Khalid", "Abdullah|Abdallah|Abdulla", "Ibrahim|Ebrahim|Brahim",
    "Tariq|Tarek|Tarik", "Karim|Kareem", "Said|Saeed|Sayed", "Walid|Waleed", "Jamal|Gamal|Djamel",
    "Nasser|Nasir|Naser", "Salim|Selim|Saleem", "Rashid|Rachid|Rasheed", "Hamza|Hamza", "Bilal|Belal", "Adel|Adil",
    "Anas|Anass", "Ayman|Aiman", "Bassam|Basam", "Fadi|Fady", "Faisal|Faysal|Fayssal", "Ghassan|Ghasan", "Hani|Hany",
    "Hisham|Hicham|Hesham", "Imad|Emad", "Issa|Eissa|Isa", "Jalal|Galal", "Kamal|Kamel", "Majid|Majed|Magid",
    "Marwan|Merouane", "Mounir|Munir", "Nabil|Nabeel", "Nizar|Nezar", "Osama|Usama|Oussama", "Qasim|Kassem|Qassim",
    "Rami|Ramy", "Samir|Sameer", "Sami|Samy", "Tawfiq|Tawfik|Toufik", "Yasser|Yasir|Yaser",
    "Zakaria|Zakariya|Zakaria", "Ziad|Ziyad", "Abdelkader|Abdulqadir|Abdel", "Kader", "Idris|Idriss|Edris",
    "Sufyan|Sofiane|Soufiane", "Amir|Ameer", "Badr|Bader", "Farid|Fareed", "Habib|Habeeb", "Khalil|Khaleel",
    "Mazen|Mazin", "Raed|Raid"};
  /** Arabic given names of women, each with its Latin spellings separated by |. */
  private static final String[] ARABIC_F = {
    "Fatima|Fatma|Fatimah", "Aisha|Aicha|Ayesha|Aysha", "Maryam|Mariam|Meryem", "Khadija|Khadijah|Khadidja",
    "Zainab|Zeinab|Zaynab", "Amina|Aminah|Emina", "Layla|Leila|Laila", "Nour|Noor|Nur", "Huda|Houda|Hoda",
    "Samira|Sameera", "Yasmin|Yasmine|Jasmin", "Salma|Selma", "Rania|Ranya", "Hana|Hanaa|Hanna", "Souad|Suad",
    "Nadia|Nadiya", "Rasha|Racha", "Dalia|Dalya", "Asma|Esma", "Basma|Bessma", "Dina|Deena", "Farah|Farrah",
    "Ghada|Rhada", "Hayat|Hayet", "Iman|Imane|Eman", "Jamila|Djamila|Gamila", "Karima|Kareema", "Latifa|Latifah",
    "Lina|Leena", "Lubna|Loubna", "Malak|Malek", "Manal|Manel", "Mona|Muna|Mouna", "Nadira|Nadera", "Najat|Nagat",
    "Nawal|Nawel", "Noura|Nura", "Rana|Ranaa", "Reem|Rim", "Sabah|Sabbah", "Safa|Safaa", "Sahar|Sahr",
    "Salwa|Selwa", "Sana|Sanaa", "Sawsan|Sausan", "Shaima|Chaima|Shayma", "Wafa|Wafaa", "Warda|Ouarda",
    "Yusra|Yousra|Yosra", "Zahra|Zohra|Zahraa", "Zeina|Zaina", "Habiba|Habeeba", "Hind|Hend", "Ibtisam|Ebtessam"};
  /** Arabic family names, each with its Latin spellings separated by |. */
  private static final String[] ARABIC_FAMILY = {
    "Hassan|Hasan", "Masri|Masry", "Haddad|Hadad", "Khalil|Khaleel", "Nasser|Nasr|Naser", "Mansour|Mansur|Mansoor",
    "Saleh|Salih", "Hamdan|Hamdane", "Qureshi|Kureshi|Quraishi", "Najjar|Naggar", "Darwish|Darweesh|Dervish",
    "Barakat|Baraket", "Suleiman|Sulaiman|Soliman", "Othman|Osman|Uthman", "Aziz|Azeez", "Hamid|Hamed",
    "Bakr|Bakri|Bakry", "Farouk|Faruq|Farouq", "Jaber|Jabir|Gaber", "Abbas|Abas", "Rahman|Rehman", "Karimi|Kerimi",
    "Sharif|Sherif|Charif", "Ismail|Ismael|Esmail", "Zaki|Zaky", "Fahmy|Fahmi", "Amin|Ameen", "Ashour|Achour",
    "Attar|Atar", "Badawi|Badawy", "Bitar|Baitar", "Daher|Dahir", "Fakhoury|Fakhouri", "Ghanem|Ghanim",
    "Hakim|Hakeem", "Helou|Helu", "Jaafar|Jafar", "Kabbani|Qabbani", "Khoury|Khouri|Khuri", "Maalouf|Malouf",
    "Mardini|Mardiny", "Moussa|Musa|Mousa", "Nassar|Nassar", "Qasim|Kassem", "Rashed|Rashid", "Sabbagh|Sabag",
    "Sayegh|Sayigh", "Shami|Chami", "Tamimi|Tamimy", "Tannous|Tanous", "Wahba|Wahbah", "Yassin|Yaseen|Yacine",
    "Zein|Zain", "Zidane|Zeidan", "Zoubi|Zubi", "Obeid|Ubaid", "Jabri|Gabri", "Hijazi|Hegazy", "Tahan|Tahhan"};

}
